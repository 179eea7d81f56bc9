package com.engagementledger.engagement.decision;

import com.engagementledger.contract.DecisionEvents.DecisionAcceptedV2;
import com.engagementledger.contract.DecisionEvents.DecisionApprovedV2;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.BusinessTime;
import com.engagementledger.engagement.common.Metadata;
import com.engagementledger.engagement.decision.DecisionCommands.SupersedeDecision;
import com.engagementledger.engagement.view.ViewStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * When a decision that supersedes another takes effect (accepted, or approved when it is IRREVERSIBLE), the older
 * decision stops being in effect: superseded by the same person, in the same transaction, at the business time the
 * successor took effect. A decision that is no longer in effect (reversed, or superseded meanwhile) is left as it is.
 */
@Component
@ProcessingGroup(Supersession.GROUP)
class Supersession {
    static final String GROUP = "decision-supersession";

    private final ViewStore views;
    private final CommandGateway commands;
    private final Clock clock;

    Supersession(ViewStore views, CommandGateway commands, Clock clock) {
        this.views = views;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(DecisionAcceptedV2 event, @MetaDataValue(Metadata.ACTOR_NAME) String actorName) {
        if (event.inEffect()) {
            supersedeOlder(event.decisionId(), new Actor(event.acceptedBy(), actorName, event.acceptedBySide()),
                    event.effectiveAt());
        }
    }

    @EventHandler
    void on(DecisionApprovedV2 event, @MetaDataValue(Metadata.ACTOR_NAME) String actorName) {
        supersedeOlder(event.decisionId(), new Actor(event.approvedBy(), actorName, event.approvedBySide()),
                event.effectiveAt());
    }

    private void supersedeOlder(String decisionId, Actor actor, Instant tookEffectAt) {
        DecisionView successor = views.find(DecisionViewFold.KIND, decisionId, DecisionView.class)
                .map(ViewStore.Stored::state).orElseThrow();
        if (successor.supersedes == null) {
            return;
        }
        views.find(DecisionViewFold.KIND, successor.supersedes, DecisionView.class)
                .filter(older -> older.state().status == DecisionStatus.IN_EFFECT)
                .ifPresent(older -> commands.sendAndWait(new SupersedeDecision(new DecisionId(older.id()), null,
                        new DecisionId(decisionId), true, "superseded by \"" + successor.title + "\"", actor,
                        BusinessTime.of(tookEffectAt, clock))));
    }
}
