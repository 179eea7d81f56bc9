package com.engagementledger.engagement.decision;

import com.engagementledger.contract.DecisionEvents.DecisionAccepted;
import com.engagementledger.contract.DecisionEvents.DecisionApproved;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.engagementledger.engagement.common.Actor;
import com.engagementledger.engagement.common.Metadata;
import com.engagementledger.engagement.decision.DecisionCommands.SupersedeDecision;
import com.engagementledger.engagement.view.ViewStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * When a decision that supersedes another takes effect (accepted, or approved when it is IRREVERSIBLE), the older
 * decision stops being in effect: superseded by the same person, in the same transaction. A decision that is no
 * longer in effect (reversed, or superseded meanwhile) is left as it is.
 */
@Component
@ProcessingGroup(Supersession.GROUP)
class Supersession {
    static final String GROUP = "decision-supersession";

    private final ViewStore views;
    private final CommandGateway commands;

    Supersession(ViewStore views, CommandGateway commands) {
        this.views = views;
        this.commands = commands;
    }

    @EventHandler
    void on(DecisionAccepted event, @MetaDataValue(Metadata.ACTOR_NAME) String actorName) {
        if (event.inEffect()) {
            supersedeOlder(event.decisionId(), new Actor(event.acceptedBy(), actorName, event.acceptedBySide()));
        }
    }

    @EventHandler
    void on(DecisionApproved event, @MetaDataValue(Metadata.ACTOR_NAME) String actorName) {
        supersedeOlder(event.decisionId(), new Actor(event.approvedBy(), actorName, event.approvedBySide()));
    }

    private void supersedeOlder(String decisionId, Actor actor) {
        DecisionView successor = views.find(DecisionViewFold.KIND, decisionId, DecisionView.class)
                .map(ViewStore.Stored::state).orElseThrow();
        if (successor.supersedes == null) {
            return;
        }
        views.find(DecisionViewFold.KIND, successor.supersedes, DecisionView.class)
                .filter(older -> older.state().status == DecisionStatus.IN_EFFECT)
                .ifPresent(older -> commands.sendAndWait(new SupersedeDecision(new DecisionId(older.id()), null,
                        new DecisionId(decisionId), true, "superseded by \"" + successor.title + "\"", actor)));
    }
}
