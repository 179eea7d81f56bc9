package com.engagementledger.intake.processing;

import com.engagementledger.intake.connection.Connection;
import com.engagementledger.intake.fact.Fact;
import com.engagementledger.intake.inbox.Delivery;
import com.engagementledger.intake.inbox.Outcome.SentCommand;
import com.engagementledger.intake.ledger.EngagementApi;
import com.engagementledger.intake.ledger.EngagementApi.Answer;
import com.engagementledger.intake.ledger.EngagementApi.Done;
import com.engagementledger.intake.ledger.EngagementApi.Refused;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records one fact through engagement-service. The ledger resource of the fact's subject is looked up in
 * {@link Links}; one that does not exist yet is created first from what the fact carries (a pull request merged
 * before anyone saw it opened), one that exists is not created again (an "opened" delivered after the "closed").
 * Every command's Idempotency-Key is the delivery, the command and the subject: the same delivery processed again
 * sends the same keys and engagement-service answers what it answered the first time.
 */
@Component
class FactRecorder {
    private final EngagementApi api;
    private final Links links;

    FactRecorder(EngagementApi api, Links links) {
        this.api = api;
        this.links = links;
    }

    /** What became of a fact: the commands sent, then refused (a rule), skipped (why) or done. */
    record Result(List<SentCommand> sent, Refused refused, String skipped) {
        static Result done(List<SentCommand> sent) {
            return new Result(sent, null, null);
        }

        static Result skipped(String why) {
            return new Result(List.of(), null, why);
        }
    }

    Result record(Connection connection, Delivery delivery, Fact fact) {
        Step step = new Step(connection, delivery, fact);
        String engagement = connection.engagementId();
        Optional<String> existing = step.existing();
        if (fact instanceof Fact.WorkItemStarted started) {
            return existing.isPresent() ? alreadyIs(fact, "work item", existing.get())
                    : step.create("start-work-item", key -> api.startWorkItem(engagement, key, started.title(),
                    started.startedAt())).result();
        }
        if (fact instanceof Fact.WorkItemDelivered delivered) {
            return step.existingOr("start-work-item", key -> api.startWorkItem(engagement, key, delivered.title(),
                            delivered.startedAt()))
                    .change(fact.name(), (id, key) -> api.deliverWorkItem(engagement, key, id,
                            delivered.deliveredAt()))
                    .result();
        }
        if (fact instanceof Fact.WorkItemReopened reopened) {
            return existing.isEmpty() ? Result.skipped(fact.subject() + " never became a work item: nothing to reopen")
                    : step.existingOr(null, null).change(fact.name(), (id, key) -> api.reopenWorkItem(engagement,
                    key, id, reopened.reopenedAt(), reopened.reason())).result();
        }
        if (fact instanceof Fact.ReleasePlanned planned) {
            return existing.isPresent() ? alreadyIs(fact, "release", existing.get())
                    : step.create("plan-release", key -> api.planRelease(engagement, key, planned.releaseName(),
                    planned.plannedFor())).result();
        }
        if (fact instanceof Fact.ReleaseShipped shipped) {
            if (existing.isEmpty() && shipped.plannedFor() == null) {
                return Result.skipped(fact.subject() + " had no due date, so no release was planned to ship");
            }
            return step.existingOr("plan-release", key -> api.planRelease(engagement, key, shipped.releaseName(),
                            shipped.plannedFor()))
                    .change(fact.name(), (id, key) -> api.shipRelease(engagement, key, id, shipped.shippedOn()))
                    .result();
        }
        if (fact instanceof Fact.DefectFound defect) {
            return existing.isPresent() ? alreadyIs(fact, "defect", existing.get())
                    : step.create("record-defect", key -> api.recordDefect(engagement, key, defect.stage(),
                    defect.severity(), defect.foundAt(), defect.description())).result();
        }
        throw new IllegalArgumentException("no recording for " + fact.getClass().getSimpleName());
    }

    private static Result alreadyIs(Fact fact, String what, String id) {
        return Result.skipped(fact.subject() + " is already " + what + " " + id);
    }

    /** The commands of one fact, in order; after a refusal nothing more is sent. */
    private final class Step {
        private final Connection connection;
        private final Delivery delivery;
        private final Fact fact;
        private final java.util.ArrayList<SentCommand> sent = new java.util.ArrayList<>();
        private String resourceId;
        private Refused refused;

        Step(Connection connection, Delivery delivery, Fact fact) {
            this.connection = connection;
            this.delivery = delivery;
            this.fact = fact;
        }

        Optional<String> existing() {
            return links.find(connection.id(), fact.subject());
        }

        Step create(String command, Function<String, Answer> send) {
            Answer answer = send.apply(key(command));
            if (answer instanceof Done done) {
                links.link(connection.id(), fact.subject(), done.resourceId());
                sent.add(new SentCommand(command, done.resourceId(), done.version()));
                resourceId = done.resourceId();
            } else {
                refused = (Refused) answer;
            }
            return this;
        }

        /** The subject's resource, created first by {@code command} when it has none yet. */
        Step existingOr(String command, Function<String, Answer> create) {
            Optional<String> existing = existing();
            if (existing.isPresent()) {
                resourceId = existing.get();
                return this;
            }
            return create(command, create);
        }

        Step change(String command, java.util.function.BiFunction<String, String, Answer> send) {
            if (refused != null) {
                return this;
            }
            Answer answer = send.apply(resourceId, key(command));
            if (answer instanceof Done done) {
                sent.add(new SentCommand(command, done.resourceId(), done.version()));
            } else {
                refused = (Refused) answer;
            }
            return this;
        }

        Result result() {
            return new Result(List.copyOf(sent), refused, null);
        }

        private String key(String command) {
            return "intake:" + connection.id() + ":" + delivery.deliveryId() + ":" + command + ":" + fact.subject();
        }
    }
}
