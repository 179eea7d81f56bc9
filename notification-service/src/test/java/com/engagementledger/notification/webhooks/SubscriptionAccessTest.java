package com.engagementledger.notification.webhooks;

import com.engagementledger.notification.IntegrationTest;
import com.engagementledger.notification.alerts.AlertCondition;
import com.engagementledger.notification.alerts.AlertSeverity;
import com.engagementledger.notification.alerts.Alerts;
import com.engagementledger.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and act on a webhook subscription: its owner or an ADMIN, and only while the caller's current token
 * covers every engagement of its filter ({@code *} for one without). Deleting keeps the deliveries.
 */
class SubscriptionAccessTest extends IntegrationTest {
    /** Nothing listens here: deliveries are stored and fail, which is all these tests need of them. */
    private static final String URL = "http://127.0.0.1:9/hook";

    @Autowired
    Alerts alerts;

    private static String token(String subject, String role, String... engagements) {
        return TestTokens.token(subject).side("CLIENT").roles(role).engagements(engagements).sign();
    }

    private String subscribe(String token, List<String> engagements) {
        Map<String, Object> body = engagements == null ? Map.of("url", URL)
                : Map.of("url", URL, "filter", Map.of("engagements", engagements));
        Response created = post("/subscriptions", token, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asText();
    }

    /** Opens an alert on the engagement; the subscriptions whose filter matches get a delivery of it at once. */
    private void openAlert(String engagement) {
        alerts.open(new AlertCondition("onboarding.early-departure", engagement, newId()), AlertSeverity.WARNING,
                "left early", List.of()).orElseThrow();
    }

    private String firstDelivery(String subscription) {
        return jdbc.sql("select id from delivery where subscription_id = ? order by created_at limit 1")
                .params(UUID.fromString(subscription)).query(UUID.class).single().toString();
    }

    /** The ids of a page of subscriptions (the one page envelope's items). */
    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    /** Every way to see or act on one subscription answers 404 to this token. */
    private void assertHidden(String token, String subscription, String delivery) {
        String path = "/subscriptions/" + subscription;
        assertThat(get(path, token).status()).as("read").isEqualTo(404);
        assertThat(get(path + "/deliveries", token).status()).as("deliveries").isEqualTo(404);
        Response redeliver = post(path + "/deliveries/" + delivery + "/redeliver", token, null);
        assertThat(redeliver.status()).as("redeliver").isEqualTo(404);
        assertThat(redeliver.body().get("rule").asText()).isEqualTo("resource.not-found");
        assertThat(post(path + "/enable", token, null).status()).as("enable").isEqualTo(404);
        assertThat(delete(path, token).status()).as("delete").isEqualTo(404);
        assertThat(ids(get("/subscriptions", token).body())).doesNotContain(subscription);
    }

    @Test
    void an_admin_scoped_to_one_engagement_neither_sees_nor_acts_on_another_engagements_subscription() {
        String a = newId();
        String b = newId();
        String ofA = subscribe(lead(a), List.of(a));
        String ofB = subscribe(lead(b), List.of(b));
        openAlert(b);
        String adminOfA = token("admin-of-a", "ADMIN", a);

        assertHidden(adminOfA, ofB, firstDelivery(ofB));
        assertThat(ids(get("/subscriptions", adminOfA).body())).contains(ofA);
        assertThat(get("/subscriptions/" + ofA, adminOfA).status()).isEqualTo(200);
        // the same subscription is there for an ADMIN of every engagement, and was not changed by the refusals
        String admin = TestTokens.admin("admin-all");
        assertThat(get("/subscriptions/" + ofB, admin).body().get("enabled").asBoolean()).isTrue();
        assertThat(get("/subscriptions/" + ofB + "/deliveries", admin).body().get("items")).hasSize(1);
    }

    @Test
    void the_owner_whose_token_no_longer_covers_the_filter_loses_the_subscription() {
        String a = newId();
        String b = newId();
        String subscription = subscribe(token("owner-1", "LEAD", a, b), List.of(a, b));
        openAlert(b);
        String delivery = firstDelivery(subscription);

        // the same subject, its access to b ended: the filter names b, so the subscription is no longer its
        assertHidden(token("owner-1", "LEAD", a), subscription, delivery);
        assertThat(get("/subscriptions/" + subscription + "/deliveries", token("owner-1", "LEAD", a, b)).body()
                .get("items")).hasSize(1);
        // someone else covering both engagements is not its owner either
        assertHidden(token("other-1", "LEAD", a, b), subscription, delivery);
    }

    @Test
    void a_subscription_without_an_engagement_filter_is_for_all_engagements_tokens_only() {
        String a = newId();
        String everything = subscribe(TestTokens.token("owner-2").side("CLIENT").roles("LEAD").sign(), null);
        openAlert(a);
        assertHidden(token("owner-2", "LEAD", a), everything, firstDelivery(everything));
        assertHidden(token("admin-of-a", "ADMIN", a), everything, firstDelivery(everything));

        // a scoped token's subscription without a filter is filtered on the token's engagements, written out
        Response scoped = post("/subscriptions", token("owner-3", "LEAD", a), Map.of("url", URL));
        assertThat(scoped.status()).isEqualTo(201);
        assertThat(scoped.body().get("filter").get("engagements")).hasSize(1);
        assertThat(scoped.body().get("filter").get("engagements").get(0).asText()).isEqualTo(a);
        assertThat(get("/subscriptions/" + scoped.body().get("id").asText(), token("owner-3", "LEAD", a)).status())
                .isEqualTo(200);
        // a token that covers no engagement has nothing to subscribe to
        Response none = post("/subscriptions", token("owner-4", "LEAD"), Map.of("url", URL));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body().get("field").asText()).isEqualTo("filter.engagements");
    }

    @Test
    void a_deleted_subscription_is_unlisted_receives_nothing_more_and_keeps_its_deliveries() {
        String a = newId();
        String owner = lead(a);
        String subscription = subscribe(owner, List.of(a));
        String other = subscribe(owner, List.of(a));
        openAlert(a);
        String delivered = firstDelivery(subscription);

        Response deleted = delete("/subscriptions/" + subscription, owner);
        assertThat(deleted.status()).isEqualTo(204);
        // readable for the record, with deletedAt; acting on it is a conflict; deleting again changes nothing
        assertThat(get("/subscriptions/" + subscription, owner).body().get("deletedAt").isTextual()).isTrue();
        assertThat(get("/subscriptions/" + subscription + "/deliveries", owner).body().get("items")).hasSize(1);
        assertThat(post("/subscriptions/" + subscription + "/deliveries/" + delivered + "/redeliver", owner, null)
                .status()).isEqualTo(409);
        assertThat(post("/subscriptions/" + subscription + "/enable", owner, null).status()).isEqualTo(409);
        assertThat(delete("/subscriptions/" + subscription, owner).status()).isEqualTo(204);
        assertThat(ids(get("/subscriptions", owner).body())).contains(other).doesNotContain(subscription);

        // a later alert reaches the subscription that is left (the marker) and not the deleted one
        openAlert(a);
        assertThat(get("/subscriptions/" + other + "/deliveries", owner).body().get("items")).hasSize(2);
        List<String> kept = jdbc.sql("select state from delivery where subscription_id = ?")
                .params(UUID.fromString(subscription)).query(String.class).list();
        assertThat(kept).hasSize(1).doesNotContain("PENDING");
        assertThat(jdbc.sql("select deleted_by from subscription where id = ?").params(UUID.fromString(subscription))
                .query(String.class).single()).isNotBlank();
    }

    @Test
    void an_auditor_may_not_delete_a_subscription() {
        String a = newId();
        String subscription = subscribe(lead(a), List.of(a));
        Response refused = delete("/subscriptions/" + subscription, token("auditor-1", "AUDITOR", a));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(get("/subscriptions/" + subscription, TestTokens.admin("admin-all")).status()).isEqualTo(200);
    }
}
