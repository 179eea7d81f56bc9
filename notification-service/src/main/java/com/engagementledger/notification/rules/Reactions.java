package com.engagementledger.notification.rules;

import com.engagementledger.contract.LedgerEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The ledger events a rule reacts to, each with what it does; written out in one place so a reader sees them all. */
final class Reactions {
    /** What a rule does with one event; cause is the event's id, kept with the alert it opens or resolves. */
    @FunctionalInterface
    interface Reaction<E extends LedgerEvent> {
        void react(E event, EventId cause);
    }

    private final Map<Class<? extends LedgerEvent>, Reaction<LedgerEvent>> byType = new LinkedHashMap<>();

    <E extends LedgerEvent> Reactions on(Class<E> type, Reaction<E> reaction) {
        if (byType.putIfAbsent(type, (event, cause) -> reaction.react(type.cast(event), cause)) != null) {
            throw new IllegalArgumentException("two reactions to " + type.getSimpleName());
        }
        return this;
    }

    Set<Class<? extends LedgerEvent>> types() {
        return byType.keySet();
    }

    void react(LedgerEvent event, EventId cause) {
        Reaction<LedgerEvent> reaction = byType.get(event.getClass());
        if (reaction != null) {
            reaction.react(event, cause);
        }
    }
}
