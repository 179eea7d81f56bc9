package com.engagementledger.intake.processing;

import com.engagementledger.intake.connection.Connection;
import com.engagementledger.intake.connection.Connections;
import com.engagementledger.intake.connection.Source;
import com.engagementledger.intake.fact.Fact;
import com.engagementledger.intake.fact.Mapping;
import com.engagementledger.intake.fact.SourceMapping;
import com.engagementledger.intake.inbox.Delivery;
import com.engagementledger.intake.inbox.Outcome;
import com.engagementledger.intake.inbox.Outcome.SentCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One delivery from the inbox to its outcome: its source's mapping reads it, each fact is recorded in order, and the
 * outcome says which commands engagement-service took, or why none, or which rule it refused.
 */
@Component
class DeliveryProcessor {
    private final Connections connections;
    private final Map<Source, SourceMapping> mappings = new EnumMap<>(Source.class);
    private final FactRecorder recorder;
    private final ObjectMapper json;

    DeliveryProcessor(Connections connections, List<SourceMapping> mappings, FactRecorder recorder,
                      ObjectMapper json) {
        this.connections = connections;
        mappings.forEach(m -> this.mappings.put(m.source(), m));
        this.recorder = recorder;
        this.json = json;
    }

    Outcome process(Delivery delivery) {
        Connection connection = connections.byId(delivery.connectionId()).orElseThrow();
        if (connection.deleted()) {
            return Outcome.ignored("the connection was deleted before this delivery was processed");
        }
        SourceMapping mapping = mappings.get(connection.source());
        if (mapping == null) {
            return Outcome.ignored("deliveries of " + connection.source() + " are not mapped yet");
        }
        JsonNode payload;
        try {
            payload = json.readTree(delivery.payload());
        } catch (IOException e) {
            return Outcome.ignored("the body is not JSON");
        }
        Mapping mapped = mapping.map(delivery.event(), payload, connection.options());
        if (mapped.isIgnored()) {
            return Outcome.ignored(mapped.ignoredBecause());
        }
        List<SentCommand> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Fact fact : mapped.facts()) {
            FactRecorder.Result result = recorder.record(connection, delivery, fact);
            sent.addAll(result.sent());
            if (result.refused() != null) {
                return Outcome.rejected(result.refused().rule(), result.refused().detail(), sent);
            }
            if (result.skipped() != null) {
                skipped.add(result.skipped());
            }
        }
        return sent.isEmpty() ? Outcome.ignored(String.join("; ", skipped)) : Outcome.recorded(sent);
    }
}
