package com.engagementledger.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published type never changes in place. contract-shapes.txt is the snapshot of every type's shape; a record that
 * no longer matches its line fails here, so a breaking change has to become a new version instead.
 */
class ContractShapeTest {
    static final String SNAPSHOT = "/contract-shapes.txt";

    @Test
    void every_published_type_keeps_the_shape_in_the_snapshot() {
        Map<String, String> snapshot = snapshot();
        List<String> problems = new ArrayList<>();
        EventCatalog.all().forEach((name, type) -> {
            String actual = RecordShape.of(type);
            String published = snapshot.get(name);
            if (published == null) {
                problems.add("new type " + name + " is not in " + SNAPSHOT + "; add the line:\n    "
                        + name + " = " + actual);
            } else if (!published.equals(actual)) {
                problems.add(name + " changed shape without a new version.\n    published: " + published
                        + "\n    record:    " + actual + "\n    A non-additive change needs a new record named "
                        + nextVersion(name) + " (and an upcaster for stored events); if the change only adds "
                        + "fields, update its line in " + SNAPSHOT + ".");
            }
        });
        snapshot.keySet().stream().filter(name -> EventCatalog.byName(name).isEmpty())
                .forEach(name -> problems.add("published type " + name + " was removed; consumers and stored "
                        + "events still use it, so keep the record (it may be upcast to a newer version)"));
        assertThat(problems).as(String.join("\n\n", problems)).isEmpty();
    }

    @Test
    void every_type_name_carries_a_version() {
        assertThat(EventCatalog.all().keySet()).allMatch(name -> name.matches("ledger\\.[a-z-]+\\.[a-z-]+\\.v\\d+"));
    }

    @Test
    void a_shape_change_is_detected() {
        record EngagementPaused(String engagementId, String reason, int days) {
        }
        assertThat(RecordShape.of(EngagementPaused.class))
                .isNotEqualTo(snapshot().get("ledger.engagement.paused.v1"));
    }

    static Map<String, String> snapshot() {
        Map<String, String> shapes = new LinkedHashMap<>();
        try (InputStream in = ContractShapeTest.class.getResourceAsStream(SNAPSHOT)) {
            assertThat(in).as(SNAPSHOT + " on the classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int separator = line.indexOf(" = ");
                shapes.put(line.substring(0, separator).trim(), line.substring(separator + 3).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shapes;
    }

    private static String nextVersion(String name) {
        int v = name.lastIndexOf(".v");
        return name.substring(0, v) + ".v" + (Integer.parseInt(name.substring(v + 2)) + 1);
    }
}
