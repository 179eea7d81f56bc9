package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.notification.rules.QualityDrift.WeekRatio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** Per engagement and ISO week (its Monday): defects found (and how many in production), items delivered and reopened. */
@Component
class QualityWeeks {
    private final JdbcClient jdbc;

    QualityWeeks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordDefect(EngagementId engagement, LocalDate week, DefectStage stage) {
        jdbc.sql("""
                        insert into quality_week (engagement_id, week_start, production_defects, all_defects)
                        values (:id, :week, :production, 1)
                        on conflict (engagement_id, week_start) do update set
                          production_defects = quality_week.production_defects + excluded.production_defects,
                          all_defects = quality_week.all_defects + 1""")
                .param("id", engagement.value()).param("week", week)
                .param("production", stage == DefectStage.PRODUCTION ? 1 : 0).update();
    }

    void recordDelivered(EngagementId engagement, LocalDate week) {
        jdbc.sql("""
                        insert into quality_week (engagement_id, week_start, delivered_items) values (:id, :week, 1)
                        on conflict (engagement_id, week_start) do update set
                          delivered_items = quality_week.delivered_items + 1""")
                .param("id", engagement.value()).param("week", week).update();
    }

    /** deliveredWeek: rework is counted in the week the item was delivered in, against that week's deliveries. */
    void recordReopened(EngagementId engagement, LocalDate deliveredWeek) {
        jdbc.sql("""
                        insert into quality_week (engagement_id, week_start, reopened_items) values (:id, :week, 1)
                        on conflict (engagement_id, week_start) do update set
                          reopened_items = quality_week.reopened_items + 1""")
                .param("id", engagement.value()).param("week", deliveredWeek).update();
    }

    /** Production defects / all defects, per week, oldest first. */
    List<WeekRatio> leakage(EngagementId engagement) {
        return jdbc.sql("""
                        select week_start, production_defects, all_defects from quality_week
                        where engagement_id = :id order by week_start""")
                .param("id", engagement.value())
                .query((rs, n) -> new WeekRatio(rs.getObject("week_start", LocalDate.class),
                        rs.getInt("production_defects"), rs.getInt("all_defects")))
                .list();
    }

    /** Reopened / delivered items, per week of delivery, oldest first. */
    List<WeekRatio> rework(EngagementId engagement) {
        return jdbc.sql("""
                        select week_start, reopened_items, delivered_items from quality_week
                        where engagement_id = :id order by week_start""")
                .param("id", engagement.value())
                .query((rs, n) -> new WeekRatio(rs.getObject("week_start", LocalDate.class),
                        rs.getInt("reopened_items"), rs.getInt("delivered_items")))
                .list();
    }
}
