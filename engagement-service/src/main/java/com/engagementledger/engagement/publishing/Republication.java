package com.engagementledger.engagement.publishing;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Re-feeds consumers from a global position by moving the publishing processor's token back; the events are read
 * again from the event store and sent with the same ce_id, so consumers de-duplicate what they already had.
 */
@Component
class Republication {
    private final PublicationProgress progress;

    Republication(PublicationProgress progress) {
        this.progress = progress;
    }

    /** What a re-publication will do: the positions from and to, and how far publication had come before. */
    record Plan(long fromPosition, long throughPosition, long previouslyPublishedThrough, String processor) {
    }

    /** A request that cannot be carried out as asked; the rule names why. */
    static class Refused extends RuntimeException {
        private final String rule;
        private final boolean conflict;

        Refused(String rule, String message, boolean conflict) {
            super(message);
            this.rule = rule;
            this.conflict = conflict;
        }

        String rule() {
            return rule;
        }

        boolean conflict() {
            return conflict;
        }
    }

    synchronized Plan republishFrom(long fromPosition) {
        long newestStored = progress.newestStored();
        if (fromPosition < 1) {
            throw new Refused("republish.position.not-positive", "fromPosition must be 1 or more", false);
        }
        if (fromPosition > newestStored) {
            throw new Refused("republish.position.beyond-store",
                    "no event is stored at or after position " + fromPosition + "; the newest is " + newestStored,
                    false);
        }
        StreamingEventProcessor processor = progress.processor().orElseThrow(() -> new Refused(
                "republish.processor.missing", "the publishing processor is not configured", true));
        long published = progress.newestPublished().orElseThrow(() -> new Refused("republish.processor.not-here",
                "this instance does not hold the publishing processor's token; ask the instance that does", true));
        if (fromPosition > published + 1) {
            // moving the token forward would skip events that were never published
            throw new Refused("republish.position.not-yet-published", "events are published through position "
                    + published + "; position " + fromPosition + " will be published without a re-feed", true);
        }
        processor.shutDown();
        try {
            if (fromPosition == 1) {
                processor.resetTokens();
            } else {
                processor.resetTokens(GapAwareTrackingToken.newInstance(fromPosition - 1, Set.of()));
            }
        } catch (UnableToClaimTokenException e) {
            throw new Refused("republish.processor.claimed-elsewhere",
                    "another instance holds the publishing processor's token: " + e.getMessage(), true);
        } finally {
            processor.start();
        }
        return new Plan(fromPosition, newestStored, published, KafkaPublisher.PROCESSING_GROUP);
    }
}
