package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.DeliveryEvents.SatisfactionRated;
import com.engagementledger.contract.Enums.Side;
import com.engagementledger.engagement.delivery.DeliveryCommands.RateSatisfaction;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static com.engagementledger.engagement.common.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A client stakeholder's 1–5 satisfaction rating: a fact recorded once. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class SatisfactionRating {

    @AggregateIdentifier
    private String ratingId;

    protected SatisfactionRating() {
        // for Axon
    }

    @CommandHandler
    public SatisfactionRating(RateSatisfaction command) {
        require(command.actor().side() == Side.CLIENT, "satisfaction.client-only",
                "stakeholder satisfaction is rated by the client side");
        apply(new SatisfactionRated(command.engagementId().value(), command.ratingId().value(), command.stakeholder(),
                command.rating(), command.ratedOn(), command.comment()));
    }

    @EventSourcingHandler
    void on(SatisfactionRated event) {
        ratingId = event.ratingId();
    }
}
