package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.OwnershipArea;
import com.engagementledger.notification.rules.QualityDrift.WeekRatio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The little the rules remember between events: start dates, owners, weekly quality counts, successors. */
@Component
class RuleFacts {
    private final JdbcClient jdbc;

    RuleFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Engagement(String id, LocalDate startDate, ZoneId zone, String status) {
    }

    void engagementOpened(String id, LocalDate startDate, String clientTimeZone) {
        jdbc.sql("""
                        insert into engagement (engagement_id, start_date, client_time_zone, status)
                        values (:id, :start, :zone, 'ACTIVE') on conflict (engagement_id) do nothing""")
                .param("id", id).param("start", startDate).param("zone", clientTimeZone).update();
        for (OwnershipArea area : OwnershipArea.values()) {
            jdbc.sql("""
                            insert into ownership_area (engagement_id, area) values (:id, :area)
                            on conflict do nothing""")
                    .param("id", id).param("area", area.name()).update();
        }
    }

    Optional<Engagement> engagement(String id) {
        return jdbc.sql("select * from engagement where engagement_id = :id").param("id", id)
                .query((rs, n) -> new Engagement(rs.getString("engagement_id"), rs.getObject("start_date", LocalDate.class),
                        zone(rs.getString("client_time_zone")), rs.getString("status")))
                .optional();
    }

    ZoneId zoneOf(String engagementId) {
        return engagement(engagementId).map(Engagement::zone).orElse(ZoneOffset.UTC);
    }

    void status(String id, String status) {
        jdbc.sql("update engagement set status = :status where engagement_id = :id")
                .param("status", status).param("id", id).update();
    }

    void owner(String engagementId, OwnershipArea area, String ownerId) {
        jdbc.sql("""
                        insert into ownership_area (engagement_id, area, owner_id) values (:id, :area, :owner)
                        on conflict (engagement_id, area) do update set owner_id = excluded.owner_id""")
                .param("id", engagementId).param("area", area.name()).param("owner", ownerId).update();
    }

    /** Returns true when this is the engagement's first shipped release. */
    boolean firstReleaseShipped(String engagementId, LocalDate shippedOn) {
        return jdbc.sql("""
                        update engagement set first_release_shipped_on = :shipped
                        where engagement_id = :id and first_release_shipped_on is null""")
                .param("shipped", shippedOn).param("id", engagementId).update() == 1;
    }

    void countWeek(String engagementId, LocalDate weekStart, int production, int defects, int delivered,
                   int reopened) {
        jdbc.sql("""
                        insert into quality_week (engagement_id, week_start, production_defects, all_defects,
                                                  delivered_items, reopened_items)
                        values (:id, :week, :production, :defects, :delivered, :reopened)
                        on conflict (engagement_id, week_start) do update set
                          production_defects = quality_week.production_defects + excluded.production_defects,
                          all_defects = quality_week.all_defects + excluded.all_defects,
                          delivered_items = quality_week.delivered_items + excluded.delivered_items,
                          reopened_items = quality_week.reopened_items + excluded.reopened_items""")
                .param("id", engagementId).param("week", weekStart).param("production", production)
                .param("defects", defects).param("delivered", delivered).param("reopened", reopened).update();
    }

    List<WeekRatio> leakage(String engagementId) {
        return jdbc.sql("""
                        select week_start, production_defects, all_defects from quality_week
                        where engagement_id = :id order by week_start""")
                .param("id", engagementId)
                .query((rs, n) -> new WeekRatio(rs.getObject("week_start", LocalDate.class),
                        rs.getInt("production_defects"), rs.getInt("all_defects")))
                .list();
    }

    List<WeekRatio> rework(String engagementId) {
        return jdbc.sql("""
                        select week_start, reopened_items, delivered_items from quality_week
                        where engagement_id = :id order by week_start""")
                .param("id", engagementId)
                .query((rs, n) -> new WeekRatio(rs.getObject("week_start", LocalDate.class),
                        rs.getInt("reopened_items"), rs.getInt("delivered_items")))
                .list();
    }

    void successor(String engagementId, String decisionId, String supersedes) {
        jdbc.sql("""
                        insert into decision_successor (engagement_id, decision_id, supersedes)
                        values (:id, :decision, :supersedes) on conflict do nothing""")
                .param("id", engagementId).param("decision", decisionId).param("supersedes", supersedes).update();
    }

    Optional<String> supersededBy(String engagementId, String decisionId) {
        return jdbc.sql("select supersedes from decision_successor where engagement_id = :id and decision_id = :decision")
                .param("id", engagementId).param("decision", decisionId).query(String.class).optional();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
