package com.engagementledger.notification.rules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Which decision supersedes which, so that a successor taking effect can resolve the reversal it replaces. */
@Component
class DecisionSuccessors {
    private final JdbcClient jdbc;

    DecisionSuccessors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordSuccessor(EngagementId engagement, DecisionId successor, DecisionId superseded) {
        jdbc.sql("""
                        insert into decision_successor (engagement_id, decision_id, supersedes)
                        values (:id, :decision, :supersedes) on conflict do nothing""")
                .param("id", engagement.value()).param("decision", successor.value())
                .param("supersedes", superseded.value()).update();
    }

    Optional<DecisionId> supersededBy(EngagementId engagement, DecisionId successor) {
        return jdbc.sql("select supersedes from decision_successor where engagement_id = :id and decision_id = :decision")
                .param("id", engagement.value()).param("decision", successor.value())
                .query(String.class).optional().map(DecisionId::new);
    }
}
