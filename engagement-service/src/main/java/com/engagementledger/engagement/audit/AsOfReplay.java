package com.engagementledger.engagement.audit;

import com.engagementledger.contract.EventCatalog;
import com.engagementledger.contract.EventType;
import com.engagementledger.contract.LedgerEvent;
import com.engagementledger.engagement.common.Metadata;
import com.engagementledger.engagement.view.EventContext;
import com.engagementledger.engagement.view.ViewFold;
import org.axonframework.serialization.Serializer;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rebuilds an engagement's views as they stood at an instant: the stored events recorded up to it, folded in global
 * order through the same {@link ViewFold}s that keep the current views, so "as of now" equals the current view.
 * Current views are never read: a view that was wrong once cannot make the past wrong.
 */
@Component
class AsOfReplay {
    /** A contract family's names as stored (e.g. {@code decision}), read by reflection once per class. */
    private static final ClassValue<List<String>> FAMILY_NAMES = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> family) {
            return Arrays.stream(family.getDeclaredClasses()).filter(c -> c.isAnnotationPresent(EventType.class))
                    .map(c -> EventCatalog.family(EventCatalog.typeName(c))).distinct().toList();
        }
    };

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Configuration axon;
    private final List<ViewFold<?>> folds;

    /** Reads through {@link ReplayPool}, whose sessions keep the replay's generic plan instead of planning it. */
    AsOfReplay(@Qualifier(ReplayPool.NAME) DataSource replayPool, @Qualifier("eventSerializer") Serializer serializer,
               Configuration axon, List<ViewFold<?>> folds) {
        this.jdbc = JdbcClient.create(replayPool);
        this.serializer = serializer;
        this.axon = axon;
        this.folds = folds;
    }

    /**
     * A stored event as the live projection saw it: lifted through the same upcaster chain as the event store's
     * own reads, so an event stored in an older version replays as the version the folds know. Null when an
     * upcaster drops it.
     */
    private DomainEventMessage<?> upcastAndDeserialize(GenericDomainEventEntry<byte[]> stored) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored),
                serializer, axon.upcasterChain());
        return stream.hasNext() ? stream.next() : null;
    }

    /** One rebuilt resource, with when it was created (its first event), which orders lists as the views do. */
    record Replayed(String id, Instant createdAt, Object state) {
    }

    /** The engagement's resources at {@code asOf}, by kind then id. */
    static final class State {
        private final Map<String, Map<String, Replayed>> byKind = new LinkedHashMap<>();

        <V> V get(String kind, String id, Class<V> type) {
            Replayed replayed = byKind.getOrDefault(kind, Map.of()).get(id);
            return replayed == null ? null : type.cast(replayed.state());
        }

        /** All resources of a kind, oldest first (as the current lists order them: created_at, then id). */
        <V> List<V> all(String kind, Class<V> type) {
            List<Replayed> replayed = new ArrayList<>(byKind.getOrDefault(kind, Map.of()).values());
            replayed.sort(Comparator.comparing(Replayed::createdAt).thenComparing(Replayed::id));
            return replayed.stream().map(r -> type.cast(r.state())).toList();
        }
    }

    /**
     * The engagement's resources at {@code asOf}, rebuilt from the events of the given contract families only
     * (e.g. {@code EngagementEvents}, {@code DecisionEvents}): each view folds the events of one family, so an
     * answer about decisions need not read an engagement's work items.
     */
    State replay(String engagementId, Instant asOf, Class<?>... families) {
        List<String> familyNames = Arrays.stream(families).flatMap(f -> FAMILY_NAMES.get(f).stream()).distinct()
                .toList();
        OffsetDateTime at = OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
        List<Object> params = new ArrayList<>();
        familyNames.forEach(f -> params.addAll(List.of(engagementId, f, at)));
        State state = new State();
        jdbc.sql(sql(familyNames.size()))
                .params(params)
                .query(rs -> {
                    // the time_stamp text as stored, which is what the live projection's message carried
                    DomainEventMessage<?> message = upcastAndDeserialize(new GenericDomainEventEntry<>(
                            rs.getString(8), rs.getString(9), rs.getLong(6), rs.getString(5), rs.getString(7),
                            rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)));
                    if (message == null || !(message.getPayload() instanceof LedgerEvent event)) {
                        return;
                    }
                    EventContext context = new EventContext(message.getIdentifier(), message.getSequenceNumber(),
                            message.getTimestamp(), (String) message.getMetaData().get(Metadata.ACTOR),
                            (String) message.getMetaData().get(Metadata.ACTOR_SIDE));
                    for (ViewFold<?> fold : folds) {
                        fold.idOf(event).ifPresent(id -> apply(state, fold, id, event, context));
                    }
                });
        return state;
    }

    /**
     * The replay's query for n families; parameters per family: engagement id, family, instant. One branch per
     * family, each an index scan of engagement_event_by_family: a single "family = any(...)" left the plan to the
     * statistics, which do not know an engagement grown since the last ANALYZE (V22). The positions reach the store
     * as an array of primary keys rather than through a join: where one engagement holds most of the events, the
     * statistics overestimate its rows of every family and the join became a hash join over the whole store (tens
     * of times slower for the one event of an engagement of 10,000); a primary-key scan of an array has one plan,
     * in global order. Both
     * shapes hold without the parameters' values, so the generic plan that {@link ReplayPool} keeps is the same.
     */
    static String sql(int families) {
        String branches = java.util.stream.Stream.generate(() -> """
                        select ee.global_index from engagement_event ee
                        where ee.engagement_id = ? and split_part(ee.event_type, '.', 2) = ? and ee.recorded_at <= ?""")
                .limit(families).collect(java.util.stream.Collectors.joining(" union all "));
        return """
                select d.payload_type, d.payload_revision, d.payload, d.meta_data, d.event_identifier,
                       d.sequence_number, d.time_stamp, d.type, d.aggregate_identifier
                from domain_event_entry d
                where d.global_index = any(array(%s))
                order by d.global_index""".formatted(branches);
    }

    private static <V> void apply(State state, ViewFold<V> fold, String id, LedgerEvent event, EventContext context) {
        Map<String, Replayed> kind = state.byKind.computeIfAbsent(fold.kind(), k -> new LinkedHashMap<>());
        Replayed current = kind.get(id);
        V next = fold.apply(current == null ? null : fold.type().cast(current.state()), event, context);
        kind.put(id, new Replayed(id, current == null ? context.recordedAt() : current.createdAt(), next));
    }
}
