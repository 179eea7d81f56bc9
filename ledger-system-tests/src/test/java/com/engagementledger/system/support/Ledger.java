package com.engagementledger.system.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Commands through engagement-service's API and what each service stored, read from its own database. */
public final class Ledger {
    private final SystemStack stack;
    private final Http api;

    public Ledger(SystemStack stack, String subject) {
        this.stack = stack;
        this.api = stack.engagementApi(stack.tokens().lead(subject));
    }

    public Http api() {
        return api;
    }

    public static Map<String, Object> engagementBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("clientName", "Acme Retail");
        body.put("partnerName", "Nearshore Labs");
        body.put("model", "DEDICATED_TEAM");
        body.put("managementStructure", "SHARED");
        body.put("contractType", "TIME_AND_MATERIALS");
        body.put("clientTimeZone", "Europe/Berlin");
        body.put("partnerTimeZone", "Asia/Kolkata");
        body.put("overlapStart", "09:00");
        body.put("overlapEnd", "13:00");
        body.put("coveragePattern", "HALF_DAY_OVERLAP");
        // 30 days ago: the ownership grace period (14 d), the weekly-metrics gap (14 d) and the first-increment
        // deadline (28 d) have passed, so notification-service opens time-rule alerts at once; week 8 (42 d) has not
        body.put("startDate", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString());
        return body;
    }

    public String open(String name) {
        Http.Answer a = api.post("/engagements", engagementBody(name));
        if (a.status() != 201) {
            throw new AssertionError("opening " + name + ": " + a);
        }
        return a.json().get("id").asText();
    }

    public static Map<String, Object> rating(int rating, int daysAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stakeholder", "cfo");
        body.put("rating", rating);
        body.put("ratedOn", LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo).toString());
        return body;
    }

    public static Map<String, Object> defect(boolean production, int daysAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", production ? "PRODUCTION" : "BEFORE_RELEASE");
        body.put("severity", "SEV3");
        body.put("foundAt", Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        return body;
    }

    public Http.Answer rate(String engagementId, int rating, int daysAgo) {
        return api.post("/engagements/" + engagementId + "/satisfaction-ratings", rating(rating, daysAgo));
    }

    public Http.Answer recordDefect(String engagementId, boolean production, int daysAgo) {
        return api.post("/engagements/" + engagementId + "/defects", defect(production, daysAgo));
    }

    // ---- what is stored where ----

    /** Event ids (ce_id = Axon event identifier) of every stored event; the stack is this JVM's own, so all are ours. */
    public Set<String> storedEventIds() {
        return ids("ledger_engagement", "select event_identifier from domain_event_entry");
    }

    public long storedEventCount(String engagementId) {
        // every payload carries the engagement id; the engagement aggregate's own id is the engagement id
        return count("ledger_engagement", "select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "or convert_from(payload, 'UTF8') like ?", engagementId, "%\"engagementId\":\"" + engagementId + "\"%");
    }

    public Set<String> scorecardProcessedIds() {
        return ids("ledger_scorecard", "select event_id from processed_event where generation = "
                + "(select id from generation where state = 'ACTIVE')");
    }

    public Set<String> notificationProcessedIds() {
        return ids("ledger_notification", "select event_id from processed_event");
    }

    /** Waits until both consumers have recorded every stored event; fails naming how many each is missing. */
    public void awaitEveryEventConsumed(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            Set<String> stored = storedEventIds();
            Set<String> scorecard = scorecardProcessedIds();
            Set<String> notification = notificationProcessedIds();
            long missingS = stored.stream().filter(id -> !scorecard.contains(id)).count();
            long missingN = stored.stream().filter(id -> !notification.contains(id)).count();
            long unknownS = scorecard.stream().filter(id -> !stored.contains(id)).count();
            long unknownN = notification.stream().filter(id -> !stored.contains(id)).count();
            last = "stored " + stored.size() + ", scorecard misses " + missingS + " (+" + unknownS
                    + " not stored), notification misses " + missingN + " (+" + unknownN + " not stored)";
            if (missingS == 0 && missingN == 0) {
                if (unknownS != 0 || unknownN != 0) {
                    throw new AssertionError("a consumer processed events the store does not have: " + last);
                }
                return;
            }
            Waits.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("not every stored event reached both consumers within " + timeout.toSeconds()
                + " s: " + last + "; notification misses " + describe(missing(notificationProcessedIds()))
                + ", scorecard misses " + describe(missing(scorecardProcessedIds()))
                + "\nnotification-service's last errors:\n" + stack.notification().errors(12)
                + "\nscorecard-service's last errors:\n" + stack.scorecard().errors(12));
    }

    private Set<String> missing(Set<String> processed) {
        Set<String> missing = new HashSet<>(storedEventIds());
        missing.removeAll(processed);
        return missing;
    }

    /** Up to five missing events as type@aggregate#sequence, so a failure says which facts a consumer lacks. */
    private String describe(Set<String> eventIds) {
        return eventIds.stream().limit(5).map(id -> rows("ledger_engagement", "select payload_type || '@' || "
                + "aggregate_identifier || '#' || sequence_number || ' ' || event_identifier from domain_event_entry "
                + "where event_identifier = '" + id.replace("'", "") + "'").toString()).toList().toString();
    }

    /** GET /scorecards/{id} without the fields that name the moment or the generation it was computed in. */
    public JsonNode scorecard(String engagementId) {
        Http.Answer a = stack.scorecardApi().get("/scorecards/" + engagementId);
        if (a.status() != 200) {
            throw new AssertionError("scorecard of " + engagementId + ": " + a);
        }
        JsonNode json = a.json();
        strip(json);
        return json;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("generation", "computedAt", "asOf", "today", "updatedAt"));
            object.forEach(Ledger::strip);
        } else if (node.isArray()) {
            node.forEach(Ledger::strip);
        }
    }

    /** Starts a rebuild of scorecard-service and waits until the new generation is ACTIVE. */
    public void rebuildScorecard(Duration timeout) {
        Http admin = stack.scorecardApi();
        Http.Answer started = admin.post("/admin/rebuild", Map.of());
        if (started.status() != 202) {
            throw new AssertionError("rebuild: " + started);
        }
        int generation = started.json().get("generation").asInt();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Http.Answer status = admin.get("/admin/rebuilds/" + generation);
            String state = status.status() == 200 ? status.json().path("state").asText() : "?";
            if (state.equals("ACTIVE")) {
                return;
            }
            if (state.equals("FAILED")) {
                throw new AssertionError("rebuild failed: " + status);
            }
            Waits.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("rebuild " + generation + " not ACTIVE within " + timeout.toSeconds() + " s");
    }

    /** What notification-service holds for these engagements: alerts by dedupe key and state, and row counts. */
    public Map<String, Object> notificationState(List<String> engagementIds) {
        Map<String, Object> state = new TreeMap<>();
        String in = inList(engagementIds);
        state.put("alerts", rows("ledger_notification", "select rule || '|' || engagement_id || '|' || subject || '|' "
                + "|| state || '|' || severity from alert where engagement_id in " + in + " order by 1"));
        state.put("alert_history", count("ledger_notification", "select count(*) from alert_history h join alert a "
                + "on a.id = h.alert_id where a.engagement_id in " + in));
        state.put("alert_change", count("ledger_notification", "select count(*) from alert_change where "
                + "engagement_id in " + in));
        state.put("quality_week", rows("ledger_notification", "select engagement_id || '|' || week_start || '|' || "
                + "production_defects || '|' || all_defects || '|' || delivered_items || '|' || reopened_items "
                + "from quality_week where engagement_id in " + in + " order by 1"));
        state.put("schedule_entry", count("ledger_notification", "select count(*) from schedule_entry where "
                + "engagement_id in " + in));
        state.put("deliveries", count("ledger_notification", "select count(*) from delivery"));
        return state;
    }

    /** Defects notification-service counted per engagement (its per-week counters increment once per event). */
    public long notificationDefectsCounted(String engagementId) {
        return count("ledger_notification", "select coalesce(sum(all_defects), 0) from quality_week "
                + "where engagement_id = ?", engagementId);
    }

    private static String inList(List<String> ids) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : ",").append('\'').append(ids.get(i).replace("'", "''")).append('\'');
        }
        return b.append(ids.isEmpty() ? "''" : "").append(')').toString();
    }

    public long count(String database, String sql, Object... args) {
        try (Connection c = stack.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public List<String> rows(String database, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = stack.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    public void execute(String database, String sql) {
        try (Connection c = stack.connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Set<String> ids(String database, String sql) {
        return new HashSet<>(rows(database, sql));
    }
}
