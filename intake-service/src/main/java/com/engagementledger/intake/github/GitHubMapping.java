package com.engagementledger.intake.github;

import com.engagementledger.contract.Enums.DefectStage;
import com.engagementledger.intake.connection.ConnectionOptions;
import com.engagementledger.intake.connection.Source;
import com.engagementledger.intake.fact.Fact;
import com.engagementledger.intake.fact.Mapping;
import com.engagementledger.intake.fact.SourceMapping;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * GitHub's events as delivery facts:
 * <ul>
 *   <li>{@code pull_request} opened: work item started at {@code created_at}; closed with {@code merged}: delivered
 *       at {@code merged_at}; reopened: reopened at {@code updated_at} (the payload's time of the reopening);</li>
 *   <li>{@code milestone} created with {@code due_on}: release planned for that day; closed: shipped on the day of
 *       {@code closed_at};</li>
 *   <li>{@code issues} opened or labelled, carrying the connection's defect label: defect found at
 *       {@code created_at}, in production when it also carries the production label, else before release.</li>
 * </ul>
 * Everything else is ignored with its reason. Days are UTC days, as GitHub stores {@code due_on}.
 */
@Component
class GitHubMapping implements SourceMapping {
    private static final int MAX_TITLE = 500;

    @Override
    public Source source() {
        return Source.GITHUB;
    }

    @Override
    public Mapping map(String event, JsonNode payload, ConnectionOptions options) {
        try {
            return switch (event) {
                case "pull_request" -> pullRequest(payload);
                case "milestone" -> milestone(payload);
                case "issues" -> issue(payload, options);
                case "ping" -> Mapping.ignored("ping: GitHub checks that the webhook is set up");
                default -> Mapping.ignored("event '" + event + "' is not mapped");
            };
        } catch (Unreadable e) {
            return Mapping.ignored(e.getMessage());
        }
    }

    private static Mapping pullRequest(JsonNode payload) {
        String action = payload.path("action").asText();
        JsonNode pr = payload.path("pull_request");
        String subject = "pull-request:" + number(pr, "pull_request");
        String title = text(pr, "pull_request.title");
        Instant created = instant(pr, "created_at", "pull_request");
        return switch (action) {
            case "opened" -> Mapping.of(new Fact.WorkItemStarted(subject, title, created));
            case "closed" -> pr.path("merged").asBoolean(false)
                    ? Mapping.of(new Fact.WorkItemDelivered(subject, title, created,
                    instant(pr, "merged_at", "pull_request")))
                    : Mapping.ignored("pull request #" + pr.path("number").asText() + " was closed without merging");
            case "reopened" -> Mapping.of(new Fact.WorkItemReopened(subject, title, created,
                    instant(pr, "updated_at", "pull_request"),
                    "pull request #" + pr.path("number").asText() + " reopened"));
            default -> Mapping.ignored("pull_request action '" + action + "' is not mapped");
        };
    }

    private static Mapping milestone(JsonNode payload) {
        String action = payload.path("action").asText();
        JsonNode milestone = payload.path("milestone");
        String subject = "milestone:" + number(milestone, "milestone");
        String title = text(milestone, "milestone.title");
        LocalDate due = milestone.path("due_on").isTextual() ? day(instant(milestone, "due_on", "milestone")) : null;
        return switch (action) {
            case "created" -> due == null
                    ? Mapping.ignored("milestone '" + title + "' has no due date: nothing was planned")
                    : Mapping.of(new Fact.ReleasePlanned(subject, title, due));
            case "closed" -> Mapping.of(new Fact.ReleaseShipped(subject, title, due,
                    day(instant(milestone, "closed_at", "milestone"))));
            default -> Mapping.ignored("milestone action '" + action + "' is not mapped");
        };
    }

    private static Mapping issue(JsonNode payload, ConnectionOptions options) {
        String action = payload.path("action").asText();
        if (!action.equals("opened") && !action.equals("labeled")) {
            return Mapping.ignored("issues action '" + action + "' is not mapped");
        }
        JsonNode issue = payload.path("issue");
        String number = number(issue, "issue");
        if (!hasLabel(issue, options.defectLabel())) {
            return Mapping.ignored("issue #" + number + " is not labelled '" + options.defectLabel() + "'");
        }
        DefectStage stage = hasLabel(issue, options.productionLabel()) ? DefectStage.PRODUCTION
                : DefectStage.BEFORE_RELEASE;
        return Mapping.of(new Fact.DefectFound("issue:" + number, stage, options.defectSeverity(),
                instant(issue, "created_at", "issue"), "#" + number + " " + text(issue, "issue.title")));
    }

    private static boolean hasLabel(JsonNode issue, String label) {
        for (JsonNode each : issue.path("labels")) {
            // GitHub's label names are unique regardless of case
            if (each.path("name").asText().equalsIgnoreCase(label)) {
                return true;
            }
        }
        return false;
    }

    private static String number(JsonNode object, String what) {
        if (!object.path("number").canConvertToLong()) {
            throw new Unreadable("the payload has no " + what + ".number");
        }
        return object.path("number").asText();
    }

    private static String text(JsonNode object, String what) {
        String field = what.substring(what.lastIndexOf('.') + 1);
        if (!object.path(field).isTextual() || object.path(field).asText().isBlank()) {
            throw new Unreadable("the payload has no " + what);
        }
        String text = object.path(field).asText();
        if (text.length() <= MAX_TITLE) {
            return text;
        }
        // engagement-service keeps titles up to 500 UTF-16 units, GitHub allows longer: cut, never inside a pair
        int cut = Character.isHighSurrogate(text.charAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE;
        return text.substring(0, cut);
    }

    private static Instant instant(JsonNode object, String field, String what) {
        try {
            return Instant.parse(object.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new Unreadable("the payload has no valid " + what + "." + field);
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A payload without a field its event always has: ignored, with the field named. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
