package com.engagementledger.scorecard.measures;

import com.engagementledger.scorecard.measures.EngagementFacts.Decision;
import com.engagementledger.scorecard.measures.EngagementFacts.Defect;
import com.engagementledger.scorecard.measures.EngagementFacts.Engagement;
import com.engagementledger.scorecard.measures.EngagementFacts.Engineer;
import com.engagementledger.scorecard.measures.EngagementFacts.Incident;
import com.engagementledger.scorecard.measures.EngagementFacts.KnowledgeTransfer;
import com.engagementledger.scorecard.measures.EngagementFacts.Milestone;
import com.engagementledger.scorecard.measures.EngagementFacts.OwnershipChange;
import com.engagementledger.scorecard.measures.EngagementFacts.Rating;
import com.engagementledger.scorecard.measures.EngagementFacts.Release;
import com.engagementledger.scorecard.measures.EngagementFacts.Reopen;
import com.engagementledger.scorecard.measures.EngagementFacts.Review;
import com.engagementledger.scorecard.measures.EngagementFacts.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads one engagement's facts from one generation of the read model. */
@Repository
public class FactsRepository {
    private final JdbcClient jdbc;

    public FactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Engagements that were opened (facts of an engagement never opened are kept but not shown). */
    public List<Engagement> engagements(int g, Collection<String> only) {
        String filter = only == null ? "" : " AND engagement_id = ANY (?)";
        var spec = jdbc.sql("""
                SELECT engagement_id, name, client_name, partner_name, model, start_date, status, opened_event_id
                FROM engagement WHERE generation = ? AND opened_event_id IS NOT NULL""" + filter + " ORDER BY name")
                .param(g);
        if (only != null) {
            spec = spec.param(only.toArray(String[]::new));
        }
        return spec.query((rs, i) -> engagement(rs)).list();
    }

    public Optional<EngagementFacts> facts(int g, String id) {
        Optional<Engagement> engagement = jdbc.sql("""
                        SELECT engagement_id, name, client_name, partner_name, model, start_date, status, opened_event_id
                        FROM engagement WHERE generation = ? AND engagement_id = ? AND opened_event_id IS NOT NULL""")
                .params(g, id).query((rs, i) -> engagement(rs)).optional();
        return engagement.map(e -> new EngagementFacts(e,
                list(g, id, "SELECT work_item_id, started_at, delivered_at, started_event_id, delivered_event_id "
                        + "FROM work_item", rs -> new WorkItem(rs.getString(1), instant(rs, 2), instant(rs, 3),
                        rs.getString(4), rs.getString(5))),
                list(g, id, "SELECT event_id, work_item_id, delivered_at, reopened_at FROM work_item_reopen",
                        rs -> new Reopen(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4))),
                list(g, id, "SELECT release_id, name, planned_for, shipped_on, planned_event_id, shipped_event_id "
                        + "FROM release", rs -> new Release(rs.getString(1), rs.getString(2), date(rs, 3), date(rs, 4),
                        rs.getString(5), rs.getString(6))),
                list(g, id, "SELECT defect_id, stage, severity, found_at, event_id FROM defect",
                        rs -> new Defect(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                                rs.getString(5))),
                list(g, id, "SELECT incident_id, severity, detected_at, acknowledged_at, resolved_at, opened_event_id, "
                        + "acknowledged_event_id, resolved_event_id FROM incident", rs -> new Incident(rs.getString(1),
                        rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5), rs.getString(6),
                        rs.getString(7), rs.getString(8))).stream().filter(i -> i.detectedAt() != null).toList(),
                list(g, id, "SELECT rating_id, rating, rated_on, event_id FROM rating",
                        rs -> new Rating(rs.getString(1), rs.getInt(2), date(rs, 3), rs.getString(4))),
                list(g, id, "SELECT engineer_id, name, joined_on, left_on, phase_rank, joined_event_id, left_event_id, "
                        + "phase_event_id FROM engineer", rs -> new Engineer(rs.getString(1), rs.getString(2),
                        date(rs, 3), date(rs, 4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8))),
                list(g, id, "SELECT event_id, engineer_id, score, assessed_on FROM knowledge_transfer",
                        rs -> new KnowledgeTransfer(rs.getString(1), rs.getString(2), rs.getInt(3), date(rs, 4))),
                list(g, id, "SELECT event_id, engineer_id, milestone, reached_on FROM milestone",
                        rs -> new Milestone(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, 4))),
                list(g, id, "SELECT review_id, kind, held_on, event_id FROM review",
                        rs -> new Review(rs.getString(1), rs.getString(2), date(rs, 3), rs.getString(4))),
                list(g, id, "SELECT event_id, area, owner_id, sequence, recorded_at FROM ownership_change",
                        rs -> new OwnershipChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                instant(rs, 5))),
                list(g, id, "SELECT decision_id, accepted_at, event_id FROM decision",
                        rs -> new Decision(rs.getString(1), instant(rs, 2), rs.getString(3)))));
    }

    /** The envelope of the given events, for evidence: id, type, when it was recorded, by whom. */
    public List<EvidenceRow> evidence(int g, String engagementId, Collection<String> eventIds) {
        return jdbc.sql("""
                        SELECT event_id, type, recorded_at, actor, actor_side FROM processed_event
                        WHERE generation = ? AND engagement_id = ? AND event_id = ANY (?)
                        ORDER BY recorded_at, global_position, event_id""")
                .params(g, engagementId, eventIds.toArray(String[]::new))
                .query((rs, i) -> new EvidenceRow(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                        rs.getString(5))).list();
    }

    /** One event behind a number. */
    public record EvidenceRow(String eventId, String type, Instant recordedAt, String actor, String actorSide) {
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(int g, String id, String select, Row<T> row) {
        return jdbc.sql(select + " WHERE generation = ? AND engagement_id = ?").params(g, id)
                .query((rs, i) -> row.map(rs)).list();
    }

    private static Engagement engagement(ResultSet rs) throws SQLException {
        return new Engagement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                date(rs, 6), rs.getString(7), rs.getString(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
