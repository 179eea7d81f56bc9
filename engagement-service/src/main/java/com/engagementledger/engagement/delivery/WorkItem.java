package com.engagementledger.engagement.delivery;

import com.engagementledger.contract.DeliveryEvents.WorkItemDelivered;
import com.engagementledger.contract.DeliveryEvents.WorkItemReopened;
import com.engagementledger.contract.DeliveryEvents.WorkItemStarted;
import com.engagementledger.engagement.delivery.DeliveryCommands.DeliverWorkItem;
import com.engagementledger.engagement.delivery.DeliveryCommands.ReopenWorkItem;
import com.engagementledger.engagement.delivery.DeliveryCommands.StartWorkItem;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static com.engagementledger.engagement.common.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A work item: started, delivered, perhaps reopened and delivered again (cycle time and rework). */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class WorkItem {

    @AggregateIdentifier
    private String workItemId;
    private String engagementId;
    private boolean inProgress;
    private Instant startedAt;
    private Instant deliveredAt;
    private Instant lastStepAt;

    protected WorkItem() {
        // for Axon
    }

    @CommandHandler
    public WorkItem(StartWorkItem command) {
        apply(new WorkItemStarted(command.engagementId().value(), command.workItemId().value(), command.title(),
                command.workstreamId(), command.startedAt()));
    }


    @CommandHandler
    public void handle(DeliverWorkItem command) {
        require(inProgress, "work-item.not-in-progress", "the work item is already delivered");
        requireNotBefore(command.deliveredAt());
        apply(new WorkItemDelivered(engagementId, workItemId, startedAt, command.deliveredAt()));
    }

    @CommandHandler
    public void handle(ReopenWorkItem command) {
        require(!inProgress, "work-item.not-delivered", "only a delivered work item can be reopened");
        requireNotBefore(command.reopenedAt());
        apply(new WorkItemReopened(engagementId, workItemId, deliveredAt, command.reopenedAt(), command.reason()));
    }

    private void requireNotBefore(Instant at) {
        require(!at.isBefore(lastStepAt), "work-item.time.backwards",
                at + " is before the work item's previous step at " + lastStepAt);
    }

    @EventSourcingHandler
    void on(WorkItemStarted event) {
        workItemId = event.workItemId();
        engagementId = event.engagementId();
        inProgress = true;
        startedAt = event.startedAt();
        lastStepAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(WorkItemDelivered event) {
        inProgress = false;
        deliveredAt = event.deliveredAt();
        lastStepAt = event.deliveredAt();
    }

    @EventSourcingHandler
    void on(WorkItemReopened event) {
        inProgress = true;
        lastStepAt = event.reopenedAt();
    }
}
