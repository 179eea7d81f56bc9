package com.engagementledger.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every type has an example message (the JSON body on Kafka) that consumers can build their tests on. */
class ExampleMessagesTest {

    @Test
    void every_type_has_an_example_with_exactly_its_fields_that_parses_into_it() {
        List<String> problems = new ArrayList<>();
        EventCatalog.all().forEach((name, type) -> {
            byte[] json = example(name);
            if (json == null) {
                problems.add(name + ": no example file examples/" + name + ".json");
                return;
            }
            JsonNode tree = readTree(json);
            Set<String> fields = new TreeSet<>();
            tree.fieldNames().forEachRemaining(fields::add);
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!fields.equals(components)) {
                problems.add(name + ": example fields " + fields + " differ from the record's " + components);
            }
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (tree.get(field).isNull()) {
                    problems.add(name + ": example leaves " + field + " null; show a value");
                }
            }
            try {
                LedgerEvent parsed = LedgerCloudEvents.fromJson(json, type);
                // written and read again, nothing is lost (sets may come back in another order, so compare objects)
                assertThat(LedgerCloudEvents.fromJson(LedgerCloudEvents.toJson(parsed), type)).as(name)
                        .isEqualTo(parsed);
            } catch (RuntimeException | AssertionError e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void every_example_belongs_to_a_published_type() throws Exception {
        Path dir = Path.of(ExampleMessagesTest.class.getResource("/examples").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")))
                    .allSatisfy(name -> assertThat(EventCatalog.byName(name)).as("type of example " + name)
                            .isPresent());
        }
    }

    static byte[] example(String typeName) {
        try (InputStream in = ExampleMessagesTest.class.getResourceAsStream("/examples/" + typeName + ".json")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return LedgerCloudEvents.json().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
