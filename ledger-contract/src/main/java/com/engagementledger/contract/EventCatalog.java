package com.engagementledger.contract;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every published event type, by its versioned name. Consumers look types up here; unknown names are skipped. */
public final class EventCatalog {
    private static final List<Class<? extends LedgerEvent>> TYPES = Stream.of(
                    EngagementEvents.class, DecisionEvents.class, OnboardingEvents.class, IncidentEvents.class,
                    DeliveryEvents.class)
            .flatMap(family -> Arrays.stream(family.getDeclaredClasses()))
            .filter(c -> c.isAnnotationPresent(EventType.class))
            .<Class<? extends LedgerEvent>>map(c -> c.asSubclass(LedgerEvent.class))
            .toList();

    private static final Map<String, Class<? extends LedgerEvent>> BY_NAME;

    static {
        Map<String, Class<? extends LedgerEvent>> byName = new LinkedHashMap<>();
        TYPES.stream().sorted((a, b) -> typeName(a).compareTo(typeName(b)))
                .forEach(t -> {
                    if (byName.put(typeName(t), t) != null) {
                        throw new IllegalStateException("two event types named " + typeName(t));
                    }
                });
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private EventCatalog() {
    }

    /** All type names, sorted. */
    public static Map<String, Class<? extends LedgerEvent>> all() {
        return BY_NAME;
    }

    public static Optional<Class<? extends LedgerEvent>> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static String typeName(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a published event type");
        }
        return type.value();
    }

    /** The family is the second segment of the name: {@code ledger.decision.accepted.v1} → {@code decision}. */
    public static String family(String typeName) {
        String[] parts = typeName.split("\\.");
        return parts.length > 1 ? parts[1] : typeName;
    }
}
