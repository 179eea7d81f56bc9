package com.engagementledger.engagement.audit;

import com.engagementledger.audit.CanonicalEvent;
import com.engagementledger.audit.HistoryEntry;
import com.engagementledger.engagement.common.Metadata;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an engagement's stored events for the audit: the store's rows joined with the engagement's history index
 * and hash chain, as {@link HistoryEntry}s. Streams run in a read-only transaction with a fetch size, so PostgreSQL
 * answers through a cursor and memory stays constant whatever the engagement's size.
 * <p>
 * One order per engagement: the chain's. An engagement's links are numbered under its chain head's lock as each
 * transaction commits, so chain order is commit order, and it is what Kafka's per-engagement order follows; global
 * positions are taken when events are stored, before that lock, and two writers can commit them the other way
 * round. In chain order a page walks the chain by {@code chainSeq}, and a stream (an export, or /verify's input)
 * adds after the chain the engagement's events that have no link, in global order. /verify reads exactly the rows
 * an export writes, so the two cannot name different events.
 */
@Component
class StoredEvents {
    private static final int FETCH_SIZE = 500;

    /** The columns every query returns, in the order {@link #entry} reads them; FROM is the query's own. */
    private static final String COLUMNS = """
            select %s, %s, %s, %s, %s, ee.event_type,
                   d.global_index, d.event_identifier, d.aggregate_identifier, d.sequence_number, d.payload_type,
                   d.time_stamp, d.meta_data, d.payload,
                   %s, ee.aggregate_identifier, ee.sequence_number, ee.recorded_at""";
    private static final String CHAIN = COLUMNS.formatted("c.global_index", "c.chain_seq", "c.link_version",
            "c.prev_hash", "c.hash", "coalesce(ee.event_identifier, c.event_identifier)") + """

            from event_chain c
            left join engagement_event ee on ee.global_index = c.global_index
            left join domain_event_entry d on d.global_index = c.global_index
            where c.engagement_id = :engagement and c.chain_seq > :after""";
    private static final String UNCHAINED = COLUMNS.formatted("ee.global_index", "null::bigint", "null::smallint",
            "null", "null", "ee.event_identifier") + """

            from engagement_event ee
            left join domain_event_entry d on d.global_index = ee.global_index
            where ee.engagement_id = :engagement
              and not exists (select 1 from event_chain c where c.global_index = ee.global_index)""";
    private static final String GLOBAL = COLUMNS.formatted("ee.global_index", "c.chain_seq", "c.link_version",
            "c.prev_hash", "c.hash", "ee.event_identifier") + """

            from engagement_event ee
            left join domain_event_entry d on d.global_index = ee.global_index
            left join event_chain c on c.global_index = ee.global_index
            where ee.engagement_id = :engagement and ee.global_index > :after""";

    /** How an entry carries payload and metadata: parsed (to verify, or a JSON page) or the stored text. */
    private enum Form { PARSED, AS_STORED }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    StoredEvents(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = CustomPlans.jdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** A page of history: at most {@code limit} entries after the filter's cursor, in the filter's order. */
    List<HistoryEntry> page(String engagementId, HistoryFilter filter, int limit) {
        List<HistoryEntry> entries = new ArrayList<>();
        String sql = (filter.order() == HistoryFilter.Order.GLOBAL ? GLOBAL : CHAIN) + where(filter)
                + orderBy(filter.order()) + " limit :limit";
        readOnly.executeWithoutResult(status -> jdbc.query(sql,
                params(engagementId, filter).addValue("limit", limit),
                rs -> {
                    entries.add(entry(rs, Form.PARSED));
                }));
        return entries;
    }

    /**
     * Every matching entry, one at a time, for an export: metadata and payload are the stored bytes, written as
     * they are where they are one compact JSON value ({@link StoredJson}). Such an entry is for writing out.
     */
    void stream(String engagementId, HistoryFilter filter, Consumer<HistoryEntry> sink) {
        read(engagementId, filter, Form.AS_STORED, true, sink);
    }

    /** What /verify walks: the entries an unfiltered export holds, in its order, parsed. */
    void verifiable(String engagementId, Consumer<HistoryEntry> sink) {
        read(engagementId, HistoryFilter.ALL, Form.PARSED, true, sink);
    }

    /** The chain's entries from chain position {@code chainSeq} on, parsed: a walk since a checkpoint. */
    void verifiableSince(String engagementId, long chainSeq, Consumer<HistoryEntry> sink) {
        read(engagementId, HistoryFilter.ALL.after(chainSeq - 1), Form.PARSED, false, sink);
    }

    private void read(String engagementId, HistoryFilter filter, Form form, boolean unchained,
                      Consumer<HistoryEntry> sink) {
        MapSqlParameterSource params = params(engagementId, filter);
        readOnly.executeWithoutResult(status -> {
            if (filter.order() == HistoryFilter.Order.GLOBAL) {
                jdbc.query(GLOBAL + where(filter) + orderBy(filter.order()), params, rs -> {
                    sink.accept(entry(rs, form));
                });
                return;
            }
            jdbc.query(CHAIN + where(filter) + orderBy(filter.order()), params, rs -> {
                sink.accept(entry(rs, form));
            });
            if (unchained) {
                jdbc.query(UNCHAINED + where(filter) + " order by ee.global_index", params, rs -> {
                    sink.accept(entry(rs, form));
                });
            }
        });
    }

    private static String orderBy(HistoryFilter.Order order) {
        return order == HistoryFilter.Order.GLOBAL ? " order by ee.global_index" : " order by c.chain_seq";
    }

    private static String where(HistoryFilter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.aggregateId() != null) {
            sql.append(" and ee.aggregate_identifier = :aggregate");
        }
        if (filter.type() != null) {
            sql.append(" and ee.event_type = :type");
        }
        if (filter.family() != null) {
            sql.append(" and split_part(ee.event_type, '.', 2) = :family");
        }
        if (filter.from() != null) {
            sql.append(" and ee.recorded_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and ee.recorded_at <= :to");
        }
        // metadata is Axon's JSON in bytea; the filters read it as jsonb
        if (filter.actor() != null) {
            sql.append(" and convert_from(d.meta_data, 'UTF8')::jsonb ->> '" + Metadata.ACTOR + "' = :actor");
        }
        if (filter.side() != null) {
            sql.append(" and convert_from(d.meta_data, 'UTF8')::jsonb ->> '" + Metadata.ACTOR_SIDE + "' = :side");
        }
        return sql.toString();
    }

    private static MapSqlParameterSource params(String engagementId, HistoryFilter filter) {
        return new MapSqlParameterSource("engagement", engagementId)
                .addValue("after", filter.after())
                .addValue("type", filter.type())
                .addValue("family", filter.family())
                .addValue("from", filter.from() == null ? null : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC))
                .addValue("to", filter.to() == null ? null : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC))
                .addValue("actor", filter.actor())
                .addValue("side", filter.side())
                .addValue("aggregate", filter.aggregateId());
    }

    private static HistoryEntry entry(ResultSet rs, Form form) throws SQLException {
        long position = rs.getLong(1);
        Long chainSeq = nullableLong(rs, 2);
        Integer linkVersion = chainSeq == null ? null : rs.getInt(3);
        String prevHash = rs.getString(4);
        String hash = rs.getString(5);
        String type = rs.getString(6);
        if (nullableLong(rs, 7) == null) {
            Timestamp recordedAt = rs.getTimestamp(18);
            return HistoryEntry.missing(position, chainSeq, linkVersion, prevHash, hash, type, rs.getString(15),
                    rs.getString(16), nullableLong(rs, 17), recordedAt == null ? null : recordedAt.toInstant().toString());
        }
        byte[] metadataBytes = rs.getBytes(13);
        byte[] payloadBytes = rs.getBytes(14);
        JsonNode metadata = CanonicalEvent.parse(metadataBytes);
        return HistoryEntry.stored(position, chainSeq, linkVersion, prevHash, hash, type, rs.getString(8),
                rs.getString(9), rs.getLong(10), rs.getString(12), rs.getString(11), metadata,
                form == Form.PARSED ? metadata : StoredJson.asWritten(metadataBytes),
                form == Form.PARSED ? CanonicalEvent.parse(payloadBytes) : StoredJson.asWritten(payloadBytes));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
