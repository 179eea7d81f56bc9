package com.engagementledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.engagementledger.launcher.LedgerClient.body;

/**
 * Twelve weeks of two engagements, told through engagement-service's public REST API so that the scorecard and the
 * governance alerts have a living history to show.
 *
 * <p>"Checkout Platform" is the engagement everybody wants: conditions confirmed before work moves, every area owned,
 * reviews on time, engineers reaching ownership, releases on time. "Data Migration" drifts the way offshore
 * engagements do: areas nobody owns, the week-8 review held in week 10, a SEV1 at 03:00 client time without a
 * runbook acknowledged an hour late, an engineer leaving after seven weeks, production defects rising.
 *
 * <p>Every time is in the past: each engagement started twelve weeks before today.
 */
final class DemoHistory {
    static final String CHECKOUT = "Checkout Platform";
    static final String MIGRATION = "Data Migration";
    /** engagement-service's largest page (ledger.api.max-page-size); a shorter page is the last one. */
    private static final int PAGE_SIZE = 200;

    private final LedgerClient api;
    private final String lead;
    private final String cto;
    private final String partner;
    private final PrintStream out;
    private final Map<String, String> loaded = new LinkedHashMap<>();

    /**
     * @param lead    a CLIENT engineering lead's token scoped to every engagement
     * @param cto     a second, different CLIENT approver's token (for IRREVERSIBLE decisions)
     * @param partner the partner engineering manager's token
     */
    DemoHistory(LedgerClient api, String lead, String cto, String partner, PrintStream out) {
        this.api = api;
        this.lead = lead;
        this.cto = cto;
        this.partner = partner;
        this.out = out;
    }

    /** Loads whatever of the story is not there yet; answers engagement name → id for both engagements. */
    Map<String, String> load() {
        Map<String, String> existing = existingEngagements();
        for (String name : List.of(CHECKOUT, MIGRATION)) {
            if (existing.containsKey(name)) {
                out.println("  demo: \"" + name + "\" is already in the ledger (" + existing.get(name)
                        + "); not loading it again");
                loaded.put(name, existing.get(name));
            } else {
                long started = System.nanoTime();
                int before = api.posts();
                String id = name.equals(CHECKOUT) ? checkoutPlatform() : dataMigration();
                loaded.put(name, id);
                out.printf("  demo: \"%s\" loaded (%s): %d commands in %.1f s%n", name, id, api.posts() - before,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        return loaded;
    }

    /** Every engagement in the ledger, all pages: a local data directory kept across runs may hold thousands. */
    private Map<String, String> existingEngagements() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get(lead, "/engagements?size=" + PAGE_SIZE + "&page=" + page).path("items");
            for (JsonNode engagement : items) {
                byName.putIfAbsent(engagement.path("name").asText(), engagement.path("engagementId").asText());
            }
            if (items.size() < PAGE_SIZE) {
                return byName;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The healthy engagement
    // ------------------------------------------------------------------------------------------------------------

    private String checkoutPlatform() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Story e = new Story(berlin, LocalDate.now(berlin).minusDays(84));

        // Week 1: the client opens the engagement with half a day of overlap and writes down who to call.
        e.open(CHECKOUT, "Northwind Retail", "Deccan Digital", "DEDICATED_TEAM", "SHARED", "DEDICATED",
                "Asia/Kolkata", "09:00", "13:30", "HALF_DAY_OVERLAP");
        e.escalationPath(level("Priya Nair, partner tech lead", "priya.nair@deccan.example", "PARTNER"),
                level("Clara Lead, client engineering lead", "clara.lead@northwind.example", "CLIENT"),
                level("Viktor Hahn, VP Engineering", "viktor.hahn@northwind.example", "CLIENT"));

        // Work moves only once the in-house conditions are confirmed.
        String frontEnd = e.transferWorkstream("Checkout web front end", "WELL_DEFINED_FEATURE",
                "SPECS_AND_ACCEPTANCE_CRITERIA", "REACHABLE_PRODUCT_OWNER");
        String regression = e.transferWorkstream("Payment regression suite", "QA_AUTOMATION",
                "TEST_STRATEGY_DEFINED_IN_HOUSE", "COVERAGE_EXPECTATIONS_DEFINED");
        e.transferWorkstream("Build and deploy pipeline", "DEVOPS_CI_CD", "RELEASE_DECISIONS_STAY_IN_HOUSE");

        // Every area of the ownership matrix has exactly one owner from the first week.
        e.assign("PRIORITIES", "clara.lead", "Clara Lead", "CLIENT", "the client sets priorities");
        e.assign("RELEASE_DECISIONS", "clara.lead", "Clara Lead", "CLIENT", "release decisions stay in-house");
        e.assign("SECURITY_POSTURE", "sven.berg", "Sven Berg", "CLIENT", "security posture stays in-house");
        e.assign("DECISION_APPROVAL", "clara.lead", "Clara Lead", "CLIENT", "client approves architecture decisions");
        e.assign("ESCALATION", "clara.lead", "Clara Lead", "CLIENT", "single escalation owner on the client side");
        e.assign("DEFINITION_OF_DONE", "priya.nair", "Priya Nair", "PARTNER", "partner tech lead keeps the DoD");
        e.assign("INFRASTRUCTURE_AS_CODE", "jonas.becker", "Jonas Becker", "CLIENT", "platform team owns Terraform");
        e.assign("DEPLOY_PIPELINE", "arjun.mehta", "Arjun Mehta", "PARTNER", "partner runs the pipeline workstream");
        e.assign("MONITORING", "jonas.becker", "Jonas Becker", "CLIENT", "dashboards live in the client's Grafana");
        e.assign("ON_CALL", "jonas.becker", "Jonas Becker", "CLIENT", "client covers on-call until the team is ready");
        e.assign("DATA_MODEL", "jonas.becker", "Jonas Becker", "CLIENT", "orders schema is shared with finance");
        e.assign("API_CONTRACTS", "priya.nair", "Priya Nair", "PARTNER", "partner designs the checkout API");

        // Four partner engineers: observation, contribution, then accountable ownership, judged by knowledge transfer.
        e.engineerJourney("Priya Nair", "tech lead", 0, 5, true);
        e.engineerJourney("Arjun Mehta", "DevOps engineer", 0, 4, true);
        e.engineerJourney("Kavya Rao", "front-end engineer", 3, 4, false);
        e.engineerJourney("Rohan Das", "QA automation engineer", 7, 5, false);

        // Decisions: proposed by the partner where they know best, accepted by the side that owns them.
        e.acceptedBy(lead, e.propose(partner, "Versioned checkout REST API (v1 in the path)", "API_CONTRACT",
                "Mobile apps lag web releases by weeks.", "Version the API in the path; support two versions.",
                "Old clients keep working for one release cycle.", "REVERSIBLE", null,
                "header versioning", "no versioning"));
        String eventLog = e.propose(partner, "Orders flow through an event log instead of synchronous calls",
                "ARCHITECTURE", "Checkout calls five services synchronously; one slow service fails the order.",
                "Publish OrderPlaced to Kafka; fulfilment, invoicing and email consume it.",
                "Eventual consistency in order status; replays become possible.", "IRREVERSIBLE", null,
                "keep synchronous calls with retries");
        e.acceptedBy(lead, eventLog);
        e.secondApproval(cto, eventLog);
        String cartDocument = e.propose(partner, "Cart stored as one JSON document per customer", "DATA_MODEL",
                "Carts change shape with every promotion.", "Store the cart as a jsonb document.",
                "Reporting on cart lines needs JSON queries.", "REVERSIBLE", null, "normalised tables");
        e.acceptedBy(lead, cartDocument);
        e.acceptedBy(partner, e.propose(lead, "Definition of done includes a runbook entry", "PROCESS",
                "On-call will move to the partner in week 7.", "No story is done without its runbook entry.",
                "Slightly slower first stories.", "REVERSIBLE", null));
        e.acceptedBy(lead, e.propose(partner, "Weekly release train on Tuesdays", "RELEASE",
                "Releases were ad hoc and collided with marketing campaigns.", "Release every Tuesday at 10:00.",
                "Hotfixes still go out any day.", "REVERSIBLE", null));
        // A healthy engagement documents its smaller decisions too, about one a week (the control factor counts them).
        String[][] workingAgreements = {
                {"Feature flags for every checkout change", "PROCESS"},
                {"Pact contract tests between checkout and payments", "API_CONTRACT"},
                {"Pull requests reviewed within one working day", "PROCESS"},
                {"Error budget of 99.9 % for the payment step", "INFRASTRUCTURE"},
                {"Address data kept only 30 days after delivery", "DATA_MODEL"},
                {"Pairing rotation across both sides every sprint", "STAFFING"},
                {"Deprecation notice of two releases for API fields", "API_CONTRACT"},
                {"Load test before each release train", "PROCESS"}};
        for (String[] agreement : workingAgreements) {
            e.acceptedBy(lead, e.propose(partner, agreement[0], agreement[1], "Raised in the weekly review.",
                    agreement[0] + ".", "Recorded so that both sides work the same way.", "REVERSIBLE", null));
        }

        // Week 4: the checkout goes live, so the partner covers the client's whole day from now on.
        e.changeCoverage("FULL_CLIENT_HOURS", "09:00", "17:00",
                "checkout is live: the partner covers the client's whole business day");

        // Delivery: short cycle times, one item reopened and fixed.
        String[] items = {"Address form with postcode lookup", "Guest checkout", "Card payment via PSP",
                "PayPal express", "Order confirmation e-mail", "Promo code field", "Saved cards",
                "Split shipments", "Gift wrapping option", "Invoice PDF download", "Checkout accessibility fixes",
                "One-page checkout experiment", "Delivery slot picker", "Regression suite for refunds"};
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            int startDay = 8 + i * 5;
            String item = e.startWork(items[i], i % 4 == 3 ? regression : frontEnd, e.at(startDay, 9, 30));
            e.deliver(item, e.at(startDay + 2 + i % 3, 16, 0));
            delivered.add(item);
        }
        e.reopen(delivered.get(3), e.at(35, 10, 0), "PayPal returns to the wrong step on mobile Safari");
        e.deliver(delivered.get(3), e.at(37, 15, 0));

        // Releases every two weeks; 1.2 slipped two days, 1.4 one day (still counts as on time).
        int[][] releases = {{20, 20}, {34, 34}, {48, 50}, {62, 62}, {76, 77}};
        List<String> releaseIds = new ArrayList<>();
        for (int i = 0; i < releases.length; i++) {
            String release = e.planRelease("Checkout 1." + i, e.day(releases[i][0]));
            e.ship(release, e.day(releases[i][1]));
            releaseIds.add(release);
        }
        e.planRelease("Checkout 1.5", e.day(90));

        // Defects are caught before release; one slipped into production after 1.2.
        int[] caughtBeforeRelease = {12, 19, 26, 33, 40, 47, 58, 67, 75};
        for (int day : caughtBeforeRelease) {
            e.defect("BEFORE_RELEASE", "SEV3", e.at(day, 11, 0), null, "caught by the payment regression suite");
        }
        e.defect("PRODUCTION", "SEV2", e.at(51, 11, 15), releaseIds.get(2), "Maestro cards declined");

        // A SEV2 inside the overlap window, with a runbook, acknowledged in eleven minutes.
        String maestro = e.openIncident("SEV2", "payment-gateway", "Maestro cards declined at checkout",
                e.at(51, 11, 20), "https://runbooks.northwind.example/payments/card-declines");
        e.acknowledge(partner, maestro, e.at(51, 11, 31));
        e.mitigate(maestro, e.at(51, 12, 5), "feature flag routes Maestro to the fallback PSP");
        e.resolve(maestro, e.at(51, 15, 40), "PSP changed its BIN table; our card-type mapping was hard-coded");
        e.postmortem(maestro, e.at(53, 10, 0), "https://wiki.northwind.example/postmortems/2-maestro",
                "BIN table now loaded from the PSP daily");
        String slowSearch = e.openIncident("SEV3", "checkout-web", "Slow address lookup", e.at(69, 10, 5),
                "https://runbooks.northwind.example/checkout/address-lookup");
        e.acknowledge(partner, slowSearch, e.at(69, 10, 40));
        e.mitigate(slowSearch, e.at(69, 12, 0), "cache warmed");
        e.resolve(slowSearch, e.at(70, 9, 30), "cache eviction after a config change");

        // Week 7: on-call moves to the partner now that Arjun is on-call ready.
        e.assign("ON_CALL", "arjun.mehta", "Arjun Mehta", "PARTNER",
                "Arjun reached ON_CALL_READY and authored the runbooks");

        // Later the cart moves to normalised tables: the new decision supersedes the JSON document.
        e.acceptedBy(lead, e.propose(partner, "Cart split into cart and cart_line tables", "DATA_MODEL",
                "Finance needs cart-line reporting; JSON queries became the slowest reports.",
                "Normalise carts into cart and cart_line.", "One migration, done in release 1.3.", "COSTLY",
                cartDocument, "materialised view over jsonb"));

        // Governance on time: weekly metrics every week, monthly standards, the week-8 review in week 8.
        for (int week = 0; week < 12; week++) {
            e.review("WEEKLY_METRICS", e.day(week * 7 + 4), List.of("Clara Lead", "Priya Nair"),
                    List.of("metrics reviewed", "no blockers"));
        }
        e.review("MONTHLY_STANDARDS", e.day(27), List.of("Clara Lead", "Priya Nair", "Sven Berg"),
                List.of("coding standards agreed", "security checklist adopted"));
        e.review("WEEK_8_GOVERNANCE", e.day(52), List.of("Clara Lead", "Viktor Hahn", "Priya Nair"),
                List.of("ownership matrix complete", "on-call handover planned for week 7 confirmed"));
        e.review("MONTHLY_STANDARDS", e.day(55), List.of("Clara Lead", "Priya Nair"),
                List.of("runbook coverage 100 %"));
        e.review("MONTHLY_STANDARDS", e.day(83), List.of("Clara Lead", "Priya Nair"),
                List.of("release train kept for 8 weeks"));

        // The head of e-commerce is happy and getting happier.
        int[][] ratings = {{20, 4}, {41, 4}, {62, 5}, {82, 5}};
        for (int[] rating : ratings) {
            e.rate("Head of E-commerce", rating[1], e.day(rating[0]), "delivery is predictable");
        }
        return e.id;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The engagement that drifts
    // ------------------------------------------------------------------------------------------------------------

    private String dataMigration() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Story e = new Story(newYork, LocalDate.now(newYork).minusDays(82));

        // A fixed-price project, managed by the partner, overlapping only two morning hours.
        e.open(MIGRATION, "Harbor Mutual Insurance", "Lakeshore Data Services", "PROJECT_BASED", "EXTERNAL",
                "FIXED_PRICE", "Asia/Manila", "08:00", "10:00", "ASYNC_FIRST");
        e.escalationPath(level("Miguel Santos, partner project manager", "miguel.santos@lakeshore.example",
                "PARTNER"), level("Marcus Webb, client engineering lead", "marcus.webb@harbor.example", "CLIENT"));
        String migration = e.transferWorkstream("Policy database migration to the cloud", "CLOUD_MIGRATION",
                "STRONG_INTERNAL_TECHNICAL_LEAD", "ROLLBACK_STRATEGY_DOCUMENTED");
        String batch = e.transferWorkstream("Legacy claims batch jobs", "MAINTENANCE",
                "ARCHITECTURE_DOCUMENTED", "EDGE_CASE_ESCALATION_PATH");

        // Only half of the matrix gets an owner: decision approval, escalation, DoD, IaC, on-call and API
        // contracts stay nobody's.
        e.assign("PRIORITIES", "marcus.webb", "Marcus Webb", "CLIENT", "client sets the migration order");
        e.assign("RELEASE_DECISIONS", "marcus.webb", "Marcus Webb", "CLIENT", "cutovers are client decisions");
        e.assign("SECURITY_POSTURE", "dana.cole", "Dana Cole", "CLIENT", "policy data is regulated");
        e.assign("DEPLOY_PIPELINE", "miguel.santos", "Miguel Santos", "PARTNER", "partner runs the migration jobs");
        e.assign("DATA_MODEL", "miguel.santos", "Miguel Santos", "PARTNER", "partner maps the legacy schema");
        e.assign("MONITORING", "ana.reyes", "Ana Reyes", "PARTNER", "Ana sets up replication monitoring");

        // Engineers: slow knowledge transfer, and Ana leaves after seven weeks.
        String miguel = e.join("Miguel Santos", "PARTNER", "project manager and data engineer", 2);
        e.milestone(miguel, "ACCESS_GRANTED", 9);
        e.milestone(miguel, "PRODUCT_CONTEXT_TRANSFERRED", 20);
        e.advance(miguel, "CONTRIBUTION", 25);
        e.milestone(miguel, "FIRST_CHANGE_MERGED", 27);
        e.milestone(miguel, "FIRST_INCREMENT_SHIPPED", 41);
        e.assess(miguel, 3, 32, "context on policy products arrived late; access took a week");
        String ana = e.join("Ana Reyes", "PARTNER", "data engineer", 2);
        e.milestone(ana, "ACCESS_GRANTED", 10);
        e.advance(ana, "CONTRIBUTION", 30);
        e.assess(ana, 2, 33, "no architecture walkthrough happened; learnt the schema from the code");
        e.leave(ana, 51, "moved to another client account");
        String jose = e.join("Jose Bautista", "PARTNER", "data engineer", 20);
        e.milestone(jose, "ACCESS_GRANTED", 27);
        e.assess(jose, 2, 50, "still shadowing; no product walkthrough yet");

        // Ana's areas fall to nobody; later the pipeline changes hands.
        e.revoke("MONITORING", "Ana Reyes left the engagement; nobody picked up replication monitoring");
        e.assign("DEPLOY_PIPELINE", "jose.bautista", "Jose Bautista", "PARTNER",
                "Miguel is overloaded with project management");

        // Decisions: a costly big-bang cutover is accepted, then reversed after the dry run.
        String bigBang = e.propose(partner, "Big-bang cutover over one weekend", "INFRASTRUCTURE",
                "Fixed price rewards a single cutover.", "Move all policy data in one weekend.",
                "A failed cutover blocks claims processing on Monday.", "COSTLY", null,
                "phased migration by product line");
        e.acceptedBy(lead, bigBang);
        e.reverse(bigBang, "the dry run needed 19 hours and exceeded the weekend window; migrating by product line");
        e.acceptedBy(lead, e.propose(partner, "Phased migration by product line", "INFRASTRUCTURE",
                "The big-bang dry run took 19 hours.", "Auto, then home, then claims history.",
                "Two systems of record for eight weeks.", "REVERSIBLE", null));
        e.acceptedBy(lead, e.propose(partner, "Freeze claim-system releases during each wave", "RELEASE",
                "Schema changes during a wave corrupted test data.", "No claim-system release during a wave.",
                "Claims features wait up to two weeks.", "REVERSIBLE", null));
        // Accepted, but the second approver never signed it off: still awaiting approval.
        e.acceptedBy(lead, e.propose(partner, "Keep legacy 12-character policy ids forever", "DATA_MODEL",
                "Letters and call-centre scripts quote the legacy ids.", "The cloud schema keeps legacy ids as keys.",
                "No surrogate keys; ids can never be reformatted.", "IRREVERSIBLE", null, "surrogate keys"));

        // Delivery: long cycle times and a lot of rework.
        String[] items = {"Extract auto policies", "Map coverage codes", "Load auto policies", "Reconcile premiums",
                "Extract home policies", "Map property risk codes", "Load home policies", "Claims history export",
                "Replication job hardening", "Legacy batch: nightly renewals"};
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            int startDay = 6 + i * 6;
            String item = e.startWork(items[i], i == 9 ? batch : migration, e.at(startDay, 9, 0));
            e.deliver(item, e.at(startDay + 8 + (i % 3) * 4, 17, 0));
            delivered.add(item);
        }
        e.reopen(delivered.get(2), e.at(40, 9, 0), "premiums off by one cent after currency rounding");
        e.deliver(delivered.get(2), e.at(46, 17, 0));
        e.reopen(delivered.get(6), e.at(66, 9, 0), "home policies missing flood riders");
        e.deliver(delivered.get(6), e.at(74, 17, 0));
        e.reopen(delivered.get(7), e.at(76, 9, 0), "claims history truncated before 2009");

        // Waves ship late; the third makes it.
        String wave1 = e.planRelease("Wave 1: auto policies", e.day(28));
        e.ship(wave1, e.day(41));
        String wave2 = e.planRelease("Wave 2: home policies", e.day(49));
        e.ship(wave2, e.day(58));
        String wave3 = e.planRelease("Wave 3: claims history", e.day(70));
        e.ship(wave3, e.day(71));
        e.planRelease("Wave 4: legacy batch retirement", e.day(95));

        // Defect leakage rises: 0 of 4 found in production in weeks 2-4, 2 of 5 in weeks 5-7, 3 of 5 in weeks 8-10,
        // 4 of 5 in weeks 11-12.
        defects(e, new int[] {10, 15, 20, 26}, new int[] {});
        defects(e, new int[] {30, 36, 40}, new int[] {43, 47});
        defects(e, new int[] {51, 60}, new int[] {59, 63, 66});
        defects(e, new int[] {73}, new int[] {72, 75, 78, 81});

        // 03:00 in New York, no runbook, acknowledged 70 minutes later by the partner (target: 15 minutes).
        String sev1 = e.openIncident("SEV1", "policy-lookup-api", "Policy lookups time out after nightly replication",
                e.at(61, 3, 0), null);
        e.acknowledge(partner, sev1, e.at(61, 4, 10));
        e.escalate(sev1, "Marcus Webb (client engineering lead)", e.at(61, 4, 25),
                "no runbook; replication ownership unclear");
        e.mitigate(sev1, e.at(61, 6, 40), "replication job paused; lookups served from the legacy system");
        e.resolve(sev1, e.at(61, 13, 15), "replication locked the policy table; the migrated table had no index");
        e.postmortem(sev1, e.at(64, 11, 0), "https://wiki.harbor.example/postmortems/policy-lookup-timeouts",
                "nobody owned monitoring or on-call after Ana left");
        String sev2 = e.openIncident("SEV2", "claims-batch", "Nightly renewals job failed", e.at(74, 22, 30), null);
        e.acknowledge(partner, sev2, e.at(74, 23, 50));
        e.mitigate(sev2, e.at(75, 2, 0), "job re-run by hand");
        e.resolve(sev2, e.at(75, 9, 30), "renewal job read the legacy table after its cutover");
        String sev3 = e.openIncident("SEV3", "migration-jobs", "Slow extract of auto policies", e.at(30, 8, 30),
                "https://runbooks.harbor.example/migration/extract");
        e.acknowledge(lead, sev3, e.at(30, 9, 5));
        e.mitigate(sev3, e.at(30, 11, 0), "extract split by state");
        e.resolve(sev3, e.at(31, 10, 0), "full table scans on the legacy DB2 replica");

        // Governance lapses: weekly metrics stop after week 5, the week-8 review happens in week 10.
        for (int day : new int[] {4, 11, 18, 32, 70, 77}) {
            e.review("WEEKLY_METRICS", e.day(day), List.of("Marcus Webb", "Miguel Santos"),
                    List.of("waves behind plan"));
        }
        e.review("MONTHLY_STANDARDS", e.day(30), List.of("Marcus Webb", "Miguel Santos"),
                List.of("no runbook standard agreed"));
        e.review("WEEK_8_GOVERNANCE", e.day(68), List.of("Marcus Webb", "Miguel Santos", "Dana Cole"),
                List.of("held two weeks late", "monitoring and on-call have no owner", "SEV1 follow-ups open"));

        // Satisfaction falls with every wave.
        int[][] ratings = {{21, 4}, {42, 3}, {63, 2}, {81, 2}};
        for (int[] rating : ratings) {
            e.rate("VP Claims Operations", rating[1], e.day(rating[0]), "waves late and incidents at night");
        }

        // After the SEV1 the partner moves its on-call to overlap four client hours.
        e.changeCoverage("HALF_DAY_OVERLAP", "07:00", "11:00",
                "after the 03:00 SEV1 the partner shifts its day to overlap four client hours");
        return e.id;
    }

    private static void defects(Story e, int[] beforeRelease, int[] inProduction) {
        for (int day : beforeRelease) {
            e.defect("BEFORE_RELEASE", "SEV3", e.at(day, 14, 0), null, "found in migration reconciliation");
        }
        for (int day : inProduction) {
            e.defect("PRODUCTION", "SEV2", e.at(day, 10, 0), null, "reported by claims agents");
        }
    }

    private static Map<String, Object> level(String name, String contact, String side) {
        return body("name", name, "contact", contact, "side", side);
    }

    /** One engagement's commands, with business days counted from its start in the client's time zone. */
    private final class Story {
        private final ZoneId zone;
        private final LocalDate start;
        private String id;

        Story(ZoneId zone, LocalDate start) {
            this.zone = zone;
            this.start = start;
        }

        LocalDate day(int n) {
            return start.plusDays(n);
        }

        Instant at(int day, int hour, int minute) {
            return day(day).atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
        }

        private String path(String suffix) {
            return "/engagements/" + id + suffix;
        }

        void open(String name, String client, String partnerName, String model, String management,
                  String contract, String partnerZone, String overlapStart, String overlapEnd, String coverage) {
            id = api.post(lead, "/engagements", body("name", name, "clientName", client, "partnerName", partnerName,
                    "model", model, "managementStructure", management, "contractType", contract,
                    "clientTimeZone", zone.getId(), "partnerTimeZone", partnerZone, "overlapStart", overlapStart,
                    "overlapEnd", overlapEnd, "coveragePattern", coverage, "startDate", start));
        }

        void changeCoverage(String coverage, String overlapStart, String overlapEnd, String reason) {
            api.post(lead, path("/coverage"), body("coveragePattern", coverage, "overlapStart", overlapStart,
                    "overlapEnd", overlapEnd, "reason", reason));
        }

        @SafeVarargs
        final void escalationPath(Map<String, Object>... levels) {
            api.post(lead, path("/escalation-path"), body("levels", List.of(levels)));
        }

        String transferWorkstream(String name, String workType, String... confirmedConditions) {
            return api.post(lead, path("/workstreams"), body("name", name, "workType", workType,
                    "confirmedConditions", Set.of(confirmedConditions)));
        }

        void assign(String area, String ownerId, String ownerName, String side, String reason) {
            api.post(lead, path("/ownership/" + area), body("ownerId", ownerId, "ownerName", ownerName,
                    "ownerSide", side, "reason", reason));
        }

        void revoke(String area, String reason) {
            api.post(lead, path("/ownership/" + area + "/revocation"), body("reason", reason));
        }

        void review(String kind, LocalDate heldOn, List<String> attendees, List<String> outcomes) {
            api.post(lead, path("/governance-reviews"), body("kind", kind, "heldOn", heldOn,
                    "attendees", attendees, "outcomes", outcomes));
        }

        String propose(String token, String title, String category, String context, String decision,
                       String consequences, String reversibility, String supersedes, String... alternatives) {
            return api.post(token, path("/decisions"), body("title", title, "category", category,
                    "context", context, "decision", decision, "consequences", consequences,
                    "alternatives", List.of(alternatives), "reversibility", reversibility,
                    "supersedes", supersedes));
        }

        void acceptedBy(String token, String decision) {
            api.post(token, path("/decisions/" + decision + "/acceptance"), null);
        }

        void secondApproval(String token, String decision) {
            api.post(token, path("/decisions/" + decision + "/approval"), null);
        }

        void reverse(String decision, String reason) {
            api.post(lead, path("/decisions/" + decision + "/reversal"), body("reason", reason));
        }

        String join(String name, String side, String role, int day) {
            return api.post(partner, path("/engineers"), body("name", name, "side", side, "role", role,
                    "joinedOn", day(day)));
        }

        void advance(String engineer, String phase, int day) {
            api.post(partner, path("/engineers/" + engineer + "/phase"), body("toPhase", phase,
                    "advancedOn", day(day)));
        }

        void milestone(String engineer, String milestone, int day) {
            api.post(partner, path("/engineers/" + engineer + "/milestones"), body("milestone", milestone,
                    "reachedOn", day(day)));
        }

        void assess(String engineer, int score, int day, String notes) {
            api.post(lead, path("/engineers/" + engineer + "/knowledge-transfer-assessment"), body("score", score,
                    "assessedOn", day(day), "notes", notes));
        }

        void leave(String engineer, int day, String reason) {
            api.post(partner, path("/engineers/" + engineer + "/departure"), body("leftOn", day(day),
                    "reason", reason));
        }

        /** A partner engineer's whole onboarding, in order, from joining on {@code joined} to ownership. */
        String engineerJourney(String name, String role, int joined, int knowledgeTransferScore, boolean onCall) {
            String engineer = join(name, "PARTNER", role, joined);
            milestone(engineer, "ACCESS_GRANTED", joined + 1);
            milestone(engineer, "PRODUCT_CONTEXT_TRANSFERRED", joined + 4);
            milestone(engineer, "ARCHITECTURE_WALKTHROUGH_DONE", joined + 6);
            advance(engineer, "CONTRIBUTION", joined + 10);
            milestone(engineer, "FIRST_CHANGE_MERGED", joined + 11);
            milestone(engineer, "FIRST_INCREMENT_SHIPPED", Math.max(20, joined + 14));
            assess(engineer, knowledgeTransferScore, joined + 30, "walkthroughs recorded; asks the right questions");
            milestone(engineer, "RUNBOOK_AUTHORED", joined + 35);
            if (onCall) {
                milestone(engineer, "ON_CALL_READY", joined + 42);
            }
            advance(engineer, "ACCOUNTABLE_OWNERSHIP", joined + 45);
            return engineer;
        }

        String openIncident(String severity, String service, String title, Instant detectedAt, String runbookUrl) {
            return api.post(lead, path("/incidents"), body("severity", severity, "service", service,
                    "title", title, "detectedAt", detectedAt, "runbookUrl", runbookUrl));
        }

        void acknowledge(String token, String incident, Instant at) {
            api.post(token, path("/incidents/" + incident + "/acknowledgement"), body("acknowledgedAt", at));
        }

        void escalate(String incident, String to, Instant at, String reason) {
            api.post(partner, path("/incidents/" + incident + "/escalation"), body("escalatedTo", to,
                    "escalatedAt", at, "reason", reason));
        }

        void mitigate(String incident, Instant at, String summary) {
            api.post(partner, path("/incidents/" + incident + "/mitigation"), body("mitigatedAt", at,
                    "summary", summary));
        }

        void resolve(String incident, Instant at, String rootCause) {
            api.post(partner, path("/incidents/" + incident + "/resolution"), body("resolvedAt", at,
                    "rootCause", rootCause));
        }

        void postmortem(String incident, Instant at, String url, String summary) {
            api.post(lead, path("/incidents/" + incident + "/postmortem"), body("publishedAt", at, "url", url,
                    "summary", summary));
        }

        String startWork(String title, String workstream, Instant at) {
            return api.post(partner, path("/work-items"), body("title", title, "workstreamId", workstream,
                    "startedAt", at));
        }

        void deliver(String item, Instant at) {
            api.post(partner, path("/work-items/" + item + "/delivery"), body("deliveredAt", at));
        }

        void reopen(String item, Instant at, String reason) {
            api.post(lead, path("/work-items/" + item + "/reopening"), body("reopenedAt", at, "reason", reason));
        }

        String planRelease(String name, LocalDate plannedFor) {
            return api.post(lead, path("/releases"), body("name", name, "plannedFor", plannedFor));
        }

        void ship(String release, LocalDate shippedOn) {
            api.post(partner, path("/releases/" + release + "/shipment"), body("shippedOn", shippedOn));
        }

        void defect(String stage, String severity, Instant foundAt, String release, String description) {
            api.post(lead, path("/defects"), body("stage", stage, "severity", severity, "foundAt", foundAt,
                    "releaseId", release, "description", description));
        }

        void rate(String stakeholder, int rating, LocalDate ratedOn, String comment) {
            api.post(lead, path("/satisfaction-ratings"), body("stakeholder", stakeholder, "rating", rating,
                    "ratedOn", ratedOn, "comment", comment));
        }
    }
}
