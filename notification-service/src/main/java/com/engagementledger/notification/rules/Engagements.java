package com.engagementledger.notification.rules;

import com.engagementledger.contract.Enums.EngagementStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * What every rule needs to know of an engagement: its start date and the client's time zone (days and ISO weeks are
 * counted in it), its status, and when its first release shipped.
 */
@Component
class Engagements {
    private final JdbcClient jdbc;

    Engagements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordOpened(EngagementId engagement, LocalDate startDate, String clientTimeZone) {
        jdbc.sql("""
                        insert into engagement (engagement_id, start_date, client_time_zone, status)
                        values (:id, :start, :zone, 'ACTIVE') on conflict (engagement_id) do nothing""")
                .param("id", engagement.value()).param("start", startDate).param("zone", clientTimeZone).update();
    }

    void recordStatus(EngagementId engagement, EngagementStatus status) {
        jdbc.sql("update engagement set status = :status where engagement_id = :id")
                .param("status", status.name()).param("id", engagement.value()).update();
    }

    /** Records the first shipped release only; later ones leave the date as it is. */
    void recordReleaseShipped(EngagementId engagement, LocalDate shippedOn) {
        jdbc.sql("""
                        update engagement set first_release_shipped_on = :shipped
                        where engagement_id = :id and first_release_shipped_on is null""")
                .param("shipped", shippedOn).param("id", engagement.value()).update();
    }

    /** The start date at 00:00 in the client's time zone; empty for an engagement whose opening is unknown. */
    Optional<Instant> start(EngagementId engagement) {
        return jdbc.sql("select start_date, client_time_zone from engagement where engagement_id = :id")
                .param("id", engagement.value())
                .query((rs, n) -> rs.getObject("start_date", LocalDate.class)
                        .atStartOfDay(parseZone(rs.getString("client_time_zone"))).toInstant())
                .optional();
    }

    /** A business day of the engagement at 00:00 in the client's time zone. */
    Instant startOfDay(EngagementId engagement, LocalDate day) {
        return day.atStartOfDay(zone(engagement)).toInstant();
    }

    /** The Monday of the ISO week the instant falls in, in the client's time zone. */
    LocalDate weekOf(EngagementId engagement, Instant at) {
        return monday(at, zone(engagement));
    }

    static LocalDate monday(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private ZoneId zone(EngagementId engagement) {
        return jdbc.sql("select client_time_zone from engagement where engagement_id = :id")
                .param("id", engagement.value()).query(String.class).optional()
                .map(Engagements::parseZone).orElse(ZoneOffset.UTC);
    }

    private static ZoneId parseZone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
