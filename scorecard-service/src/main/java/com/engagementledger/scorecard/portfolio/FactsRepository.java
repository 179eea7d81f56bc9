package com.engagementledger.scorecard.portfolio;

import com.engagementledger.scorecard.measures.EngagementFacts;
import com.engagementledger.scorecard.measures.EngagementFacts.Decision;
import com.engagementledger.scorecard.measures.EngagementFacts.Defect;
import com.engagementledger.scorecard.measures.EngagementFacts.Engagement;
import com.engagementledger.scorecard.measures.EngagementFacts.Engineer;
import com.engagementledger.scorecard.measures.EngagementFacts.Incident;
import com.engagementledger.scorecard.measures.EngagementFacts.KnowledgeTransferAssessment;
import com.engagementledger.scorecard.measures.EngagementFacts.Milestone;
import com.engagementledger.scorecard.measures.EngagementFacts.OwnershipChange;
import com.engagementledger.scorecard.measures.EngagementFacts.Rating;
import com.engagementledger.scorecard.measures.EngagementFacts.Release;
import com.engagementledger.scorecard.measures.EngagementFacts.Reopen;
import com.engagementledger.scorecard.measures.EngagementFacts.Review;
import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;
import com.engagementledger.scorecard.measures.EngagementId;
import com.engagementledger.scorecard.measures.EngineerId;
import com.engagementledger.scorecard.measures.EventId;
import com.engagementledger.scorecard.measures.WorkItemId;
import com.engagementledger.scorecard.portfolio.ScorecardQueries.EvidenceRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads engagements' facts from one generation of the read model: typed ids inside, plain strings in the SQL. */
@Repository
class FactsRepository {
    private final JdbcClient jdbc;

    FactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Engagements that were opened (facts of an engagement never opened are kept but not shown). */
    List<Engagement> engagements(int g, Collection<EngagementId> only) {
        String filter = only == null ? "" : " AND engagement_id = ANY (?)";
        var spec = jdbc.sql("""
                SELECT engagement_id, name, client_name, partner_name, model, start_date, status, opened_event_id
                FROM engagement WHERE generation = ? AND opened_event_id IS NOT NULL""" + filter + " ORDER BY name")
                .param(g);
        if (only != null) {
            spec = spec.param(only.stream().map(EngagementId::value).toArray(String[]::new));
        }
        return spec.query((rs, i) -> engagement(rs)).list();
    }

    Optional<EngagementFacts> facts(int g, EngagementId id) {
        return Optional.ofNullable(facts(g, engagements(g, List.of(id))).get(id));
    }

    /** The facts of many engagements with one query per table, for the portfolio. */
    Map<EngagementId, EngagementFacts> facts(int g, List<Engagement> engagements) {
        Map<EngagementId, EngagementFacts> all = new LinkedHashMap<>();
        if (engagements.isEmpty()) {
            return all;
        }
        String[] ids = engagements.stream().map(e -> e.id().value()).toArray(String[]::new);
        var workItems = list(g, ids, "SELECT work_item_id, started_at, delivered_at, started_event_id, "
                + "delivered_event_id FROM work_item", rs -> new WorkItem(new WorkItemId(rs.getString(1)),
                instant(rs, 2), instant(rs, 3), eventId(rs, 4), eventId(rs, 5)));
        var reopens = list(g, ids, "SELECT event_id, work_item_id, delivered_at, reopened_at FROM work_item_reopen",
                rs -> new Reopen(eventId(rs, 1), new WorkItemId(rs.getString(2)), instant(rs, 3), instant(rs, 4)));
        var releases = list(g, ids, "SELECT release_id, name, planned_for, shipped_on, planned_event_id, "
                + "shipped_event_id FROM release", rs -> new Release(rs.getString(1), rs.getString(2), date(rs, 3),
                date(rs, 4), eventId(rs, 5), eventId(rs, 6)));
        var defects = list(g, ids, "SELECT defect_id, stage, severity, found_at, event_id FROM defect",
                rs -> new Defect(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), eventId(rs, 5)));
        // an incident known only from a later event (opened not yet seen) has no detection time yet: left out
        var incidents = list(g, ids, "SELECT incident_id, severity, detected_at, acknowledged_at, resolved_at, "
                + "opened_event_id, acknowledged_event_id, resolved_event_id FROM incident WHERE detected_at IS NOT NULL",
                rs -> new Incident(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5),
                        eventId(rs, 6), eventId(rs, 7), eventId(rs, 8)));
        var ratings = list(g, ids, "SELECT rating_id, rating, rated_on, event_id FROM rating",
                rs -> new Rating(rs.getString(1), rs.getInt(2), date(rs, 3), eventId(rs, 4)));
        var engineers = list(g, ids, "SELECT engineer_id, name, joined_on, left_on, phase_rank, joined_event_id, "
                + "left_event_id, phase_event_id FROM engineer", rs -> new Engineer(new EngineerId(rs.getString(1)),
                rs.getString(2), date(rs, 3), date(rs, 4), rs.getInt(5), eventId(rs, 6), eventId(rs, 7),
                eventId(rs, 8)));
        var transfers = list(g, ids, "SELECT event_id, engineer_id, score, assessed_on FROM knowledge_transfer",
                rs -> new KnowledgeTransferAssessment(eventId(rs, 1), new EngineerId(rs.getString(2)), rs.getInt(3),
                        date(rs, 4)));
        var milestones = list(g, ids, "SELECT event_id, engineer_id, milestone, reached_on FROM milestone",
                rs -> new Milestone(eventId(rs, 1), new EngineerId(rs.getString(2)), rs.getString(3), date(rs, 4)));
        var reviews = list(g, ids, "SELECT review_id, kind, held_on, event_id FROM review",
                rs -> new Review(rs.getString(1), rs.getString(2), date(rs, 3), eventId(rs, 4)));
        var ownership = list(g, ids, "SELECT event_id, area, owner_id, sequence, recorded_at FROM ownership_change",
                rs -> new OwnershipChange(eventId(rs, 1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        instant(rs, 5)));
        var decisions = list(g, ids, "SELECT decision_id, accepted_at, event_id FROM decision",
                rs -> new Decision(rs.getString(1), instant(rs, 2), eventId(rs, 3)));
        for (Engagement e : engagements) {
            EngagementId id = e.id();
            all.put(id, new EngagementFacts(e, of(workItems, id), of(reopens, id), of(releases, id), of(defects, id),
                    of(incidents, id), of(ratings, id), of(engineers, id), of(transfers, id), of(milestones, id),
                    of(reviews, id), of(ownership, id), of(decisions, id)));
        }
        return all;
    }

    /** The envelope of the given events (ce_ids), for evidence: id, type, when it was recorded, by whom. */
    List<EvidenceRow> evidence(int g, EngagementId engagementId, Collection<String> eventIds) {
        return jdbc.sql("""
                        SELECT event_id, type, recorded_at, actor, actor_side FROM processed_event
                        WHERE generation = ? AND engagement_id = ? AND event_id = ANY (?)
                        ORDER BY recorded_at, global_position, event_id""")
                .params(g, engagementId.value(), eventIds.toArray(String[]::new))
                .query((rs, i) -> new EvidenceRow(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                        rs.getString(5))).list();
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Rows of one table for many engagements, grouped by engagement id (selected as the last column). */
    private <T> Map<EngagementId, List<T>> list(int g, String[] ids, String select, Row<T> row) {
        String where = select.contains(" WHERE ") ? " AND " : " WHERE ";
        String sql = select.replaceFirst(" FROM ", ", engagement_id FROM ") + where
                + "generation = ? AND engagement_id = ANY (?)";
        Map<EngagementId, List<T>> grouped = new HashMap<>();
        jdbc.sql(sql).params(g, ids).query(rs -> {
            grouped.computeIfAbsent(new EngagementId(rs.getString("engagement_id")), k -> new ArrayList<>())
                    .add(row.map(rs));
        });
        return grouped;
    }

    private static <T> List<T> of(Map<EngagementId, List<T>> grouped, EngagementId engagementId) {
        return grouped.getOrDefault(engagementId, List.of());
    }

    private static Engagement engagement(ResultSet rs) throws SQLException {
        return new Engagement(new EngagementId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), date(rs, 6), rs.getString(7), eventId(rs, 8));
    }

    private static EventId eventId(ResultSet rs, int column) throws SQLException {
        String id = rs.getString(column);
        return id == null ? null : new EventId(id);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
