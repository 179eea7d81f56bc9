package com.engagementledger.notification.publishing;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** How an alert lifecycle change travels: a CloudEvent whose data is the alert as the REST API shows it. */
public final class AlertCloudEvents {
    public static final URI SOURCE = URI.create("urn:engagement-ledger:notification-service");
    public static final String EXT_ALERT_ID = "alertid";
    public static final String EXT_SEQUENCE = "alertsequence";

    private AlertCloudEvents() {
    }

    public static String type(String changeType) {
        return "ledger.governance.alert-" + changeType + ".v1";
    }

    public static CloudEvent of(long seq, UUID changeId, String changeType, String engagementId, UUID alertId,
                                Instant at, String snapshotJson) {
        return CloudEventBuilder.v1()
                .withId(changeId.toString())
                .withType(type(changeType))
                .withSource(SOURCE)
                .withSubject(engagementId)
                .withTime(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(EXT_ALERT_ID, alertId.toString())
                .withExtension(EXT_SEQUENCE, seq)
                .withData(snapshotJson.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
