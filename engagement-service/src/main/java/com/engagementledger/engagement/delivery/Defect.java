package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.DeliveryEvents.DefectFound;
import com.engagementledger.engagement.common.Ids;
import com.engagementledger.engagement.delivery.DeliveryCommands.RecordDefect;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A defect found before release or in production (defect leakage): a fact recorded once. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Defect {

    @AggregateIdentifier
    private String defectId;

    protected Defect() {
        // for Axon
    }

    @CommandHandler
    public Defect(RecordDefect command) {
        apply(new DefectFound(command.engagementId().value(), command.defectId().value(), command.stage(),
                command.severity(), command.foundAt(), Ids.text(command.workItemId()), Ids.text(command.releaseId()),
                command.description()));
    }

    @EventSourcingHandler
    void on(DefectFound event) {
        defectId = event.defectId();
    }
}
