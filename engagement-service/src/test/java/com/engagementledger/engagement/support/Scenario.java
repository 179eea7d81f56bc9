package com.engagementledger.engagement.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies used across tests, so each test reads as the rule it proves. */
public final class Scenario {
    private Scenario() {
    }

    public static Map<String, Object> engagement(String name) {
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
        body.put("startDate", "2026-08-03");
        return body;
    }

    public static Map<String, Object> decision(String title, String category, String reversibility) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("category", category);
        body.put("context", "why this came up");
        body.put("decision", "what we do");
        body.put("consequences", "what follows");
        body.put("alternatives", List.of("do nothing"));
        body.put("reversibility", reversibility);
        return body;
    }
}
