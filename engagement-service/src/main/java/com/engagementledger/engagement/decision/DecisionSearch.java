package com.engagementledger.engagement.decision;

import com.engagementledger.contract.Enums.DecisionCategory;
import com.engagementledger.contract.Enums.DecisionStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Decisions filtered the way auditors ask: by status, category and who decided (the proposer, the acceptor or
 * the second approver).
 */
@Component
class DecisionSearch {
    private static final String WHERE = """
            where kind = 'decision' and engagement_id = :engagement
              and (cast(:status as text) is null or state->>'status' = cast(:status as text))
              and (cast(:category as text) is null or state->>'category' = cast(:category as text))
              and (cast(:decidedBy as text) is null
                   or state->'proposed'->>'by' = cast(:decidedBy as text)
                   or state->'accepted'->>'by' = cast(:decidedBy as text)
                   or state->'approved'->>'by' = cast(:decidedBy as text))""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DecisionSearch(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<DecisionView> find(String engagementId, DecisionStatus status, DecisionCategory category, String decidedBy,
                            int offset, int limit) {
        return bind(jdbc.sql("select state::text from resource_view " + WHERE
                        + " order by created_at, id offset :offset limit :limit"),
                engagementId, status, category, decidedBy)
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> read(rs.getString(1))).list();
    }

    long count(String engagementId, DecisionStatus status, DecisionCategory category, String decidedBy) {
        return bind(jdbc.sql("select count(*) from resource_view " + WHERE), engagementId, status, category, decidedBy)
                .query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String engagementId,
                                                 DecisionStatus status, DecisionCategory category, String decidedBy) {
        return spec.param("engagement", engagementId)
                .param("status", status == null ? null : status.name())
                .param("category", category == null ? null : category.name())
                .param("decidedBy", decidedBy);
    }

    private DecisionView read(String text) {
        try {
            return json.readValue(text, DecisionView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable decision view", e);
        }
    }
}
