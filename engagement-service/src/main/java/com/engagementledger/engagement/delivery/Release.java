package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.DeliveryEvents.ReleasePlanned;
import com.engagementledger.contract.DeliveryEvents.ReleaseShipped;
import com.engagementledger.engagement.delivery.DeliveryCommands.PlanRelease;
import com.engagementledger.engagement.delivery.DeliveryCommands.ShipRelease;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static com.engagementledger.engagement.common.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A release planned for a date and shipped once (release predictability). */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Release {

    @AggregateIdentifier
    private String releaseId;
    private String engagementId;
    private String name;
    private LocalDate plannedFor;
    private boolean shipped;

    protected Release() {
        // for Axon
    }

    @CommandHandler
    public Release(PlanRelease command) {
        apply(new ReleasePlanned(command.engagementId().value(), command.releaseId().value(), command.name(),
                command.plannedFor()));
    }


    @CommandHandler
    public void handle(ShipRelease command) {
        require(!shipped, "release.already-shipped", "the release was already shipped");
        apply(new ReleaseShipped(engagementId, releaseId, name, plannedFor, command.shippedOn(),
                ChronoUnit.DAYS.between(plannedFor, command.shippedOn())));
    }

    @EventSourcingHandler
    void on(ReleasePlanned event) {
        releaseId = event.releaseId();
        engagementId = event.engagementId();
        name = event.name();
        plannedFor = event.plannedFor();
    }

    @EventSourcingHandler
    void on(ReleaseShipped event) {
        shipped = true;
    }
}
