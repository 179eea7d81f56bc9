package com.engagementledger.engagement.audit;

import com.engagementledger.engagement.audit.chain.CanonicalEvent;
import com.engagementledger.engagement.audit.chain.ChainLink;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads stored events for the audit: an engagement's history (engagement_event joined with the store and the
 * chain) and its chain in chain order. Streams run in a read-only transaction with a fetch size, so PostgreSQL
 * answers through a cursor and memory stays constant whatever the engagement's size.
 */
@Component
class StoredEvents {
    private static final int FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    StoredEvents(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = CustomPlans.jdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** A page of history: at most {@code limit} entries after the filter's position. */
    List<HistoryEntry> page(String engagementId, HistoryFilter filter, int limit) {
        List<HistoryEntry> entries = new ArrayList<>();
        readOnly.executeWithoutResult(status -> jdbc.query(historySql(filter) + " limit :limit",
                params(engagementId, filter).addValue("limit", limit),
                rs -> {
                    entries.add(entry(rs, CanonicalEvent::parse));
                }));
        return entries;
    }

    /**
     * Every matching entry, one at a time, in global order, for an export: metadata and payload are the stored
     * bytes, written as they are where they are one compact JSON value ({@link StoredJson}). Such an entry is
     * for writing out, not for {@link HistoryEntry#link()}.
     */
    void stream(String engagementId, HistoryFilter filter, Consumer<HistoryEntry> sink) {
        readOnly.executeWithoutResult(status -> jdbc.query(historySql(filter), params(engagementId, filter),
                rs -> {
                    sink.accept(entry(rs, StoredJson::asWritten));
                }));
    }

    /** Every entry of an engagement's chain in chain order, with the stored event (or null where it is gone). */
    void chain(String engagementId, Consumer<ChainLink> sink) {
        readOnly.executeWithoutResult(status -> jdbc.query("""
                        select c.chain_seq, c.global_index, c.event_identifier, c.prev_hash, c.hash,
                               d.global_index, d.event_identifier, d.payload_type, d.aggregate_identifier,
                               d.sequence_number, d.time_stamp, d.meta_data, d.payload
                        from event_chain c left join domain_event_entry d on d.global_index = c.global_index
                        where c.engagement_id = :engagement order by c.chain_seq""",
                new MapSqlParameterSource("engagement", engagementId),
                rs -> {
                    rs.getLong(6);
                    CanonicalEvent event = rs.wasNull() ? null : new CanonicalEvent(rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getLong(10), rs.getString(11),
                            CanonicalEvent.parse(rs.getBytes(12)), CanonicalEvent.parse(rs.getBytes(13)));
                    sink.accept(new ChainLink(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), event));
                }));
    }

    /** The first event of the engagement's index that has no chain link, if any. */
    void unchained(String engagementId, java.util.function.BiConsumer<Long, String> sink) {
        readOnly.executeWithoutResult(status -> jdbc.query("""
                        select ee.global_index, ee.event_identifier from engagement_event ee
                        where ee.engagement_id = :engagement
                          and not exists (select 1 from event_chain c where c.global_index = ee.global_index)
                        order by ee.global_index limit 1""",
                new MapSqlParameterSource("engagement", engagementId),
                rs -> {
                    sink.accept(rs.getLong(1), rs.getString(2));
                }));
    }

    private static String historySql(HistoryFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select ee.global_index, ee.event_identifier, ee.event_type, ee.aggregate_identifier,
                       ee.sequence_number, ee.recorded_at,
                       d.global_index, d.event_identifier, d.aggregate_identifier, d.sequence_number,
                       d.payload_type, d.time_stamp, d.meta_data, d.payload,
                       c.chain_seq, c.prev_hash, c.hash
                from engagement_event ee
                left join domain_event_entry d on d.global_index = ee.global_index
                left join event_chain c on c.global_index = ee.global_index
                where ee.engagement_id = :engagement and ee.global_index > :after""");
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
        return sql.append(" order by ee.global_index").toString();
    }

    private static MapSqlParameterSource params(String engagementId, HistoryFilter filter) {
        return new MapSqlParameterSource("engagement", engagementId)
                .addValue("after", filter.after())
                .addValue("type", filter.type())
                .addValue("family", filter.family())
                .addValue("from", filter.from() == null ? null : java.time.OffsetDateTime.ofInstant(filter.from(), java.time.ZoneOffset.UTC))
                .addValue("to", filter.to() == null ? null : java.time.OffsetDateTime.ofInstant(filter.to(), java.time.ZoneOffset.UTC))
                .addValue("actor", filter.actor())
                .addValue("side", filter.side())
                .addValue("aggregate", filter.aggregateId());
    }

    private static HistoryEntry entry(ResultSet rs, Function<byte[], JsonNode> stored) throws SQLException {
        long position = rs.getLong(1);
        String type = rs.getString(3);
        rs.getLong(15);
        Long chainSeq = rs.wasNull() ? null : rs.getLong(15);
        rs.getLong(7);
        if (rs.wasNull()) {
            return new HistoryEntry(position, chainSeq, rs.getString(2), type, HistoryEntry.familyOf(type),
                    rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant().toString(), null, null, null,
                    null, null, null, null, rs.getString(16), rs.getString(17), true);
        }
        byte[] metadataBytes = rs.getBytes(13);
        JsonNode metadata = CanonicalEvent.parse(metadataBytes);
        return new HistoryEntry(position, chainSeq, rs.getString(8), type, HistoryEntry.familyOf(type),
                rs.getString(9), rs.getLong(10), rs.getString(12), text(metadata, Metadata.ACTOR),
                text(metadata, Metadata.ACTOR_NAME), text(metadata, Metadata.ACTOR_SIDE),
                text(metadata, Metadata.CORRELATION_ID), rs.getString(11), stored.apply(metadataBytes),
                stored.apply(rs.getBytes(14)), rs.getString(16), rs.getString(17), null);
    }

    private static String text(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
