package com.engagementledger.scorecard;

import com.engagementledger.scorecard.support.HeadlessChromium;
import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.scorecard.support.LedgerPublisher;
import com.engagementledger.scorecard.support.TwelveWeekHistory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on the dashboard, in a real headless Chromium: names carrying HTML and SQL fragments are stored and
 * returned verbatim, shown as text, and never become markup (no element is created from them, no handler runs, the
 * console stays clean).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardMarkupBrowserTest extends IntegrationTest {
    static final String NAME = "<img src=x onerror=\"window.__xss=1\">'; drop table x; --";
    static final String CLIENT = "<script>window.__xss=2</script>Client & \"Co\"";
    static final String PARTNER = "<svg onload=\"window.__xss=3\"></svg>' OR '1'='1'; DELETE FROM processed_event; --";

    private final String engagement = UUID.randomUUID().toString();
    private ChromeDriver browser;

    @BeforeAll
    void publishAndStartBrowser() throws Exception {
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            awaitApplied(TwelveWeekHistory.publish(publisher, engagement, NAME, CLIENT, PARTNER));
        }
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    /** Nothing of the hostile strings became an element or ran. */
    private void assertNoMarkupRendered(String page) {
        assertThat(script("return document.querySelectorAll('img[src=\"x\"], script:not([src]), svg[onload],"
                + " [onerror], [onload]').length")).as(page + ": elements made from the strings").isEqualTo(0L);
        assertThat(script("return typeof window.__xss")).as(page + ": window.__xss").isEqualTo("undefined");
    }

    @Test
    void markup_and_sql_in_names_are_shown_verbatim_as_text_and_never_rendered() throws Exception {
        String token = leadOf(engagement);

        // stored and returned verbatim by the API the dashboard reads
        JsonNode card = json(get("/scorecards/" + engagement, token));
        assertThat(card.get("name").asText()).isEqualTo(NAME);
        assertThat(card.get("clientName").asText()).isEqualTo(CLIENT);
        assertThat(card.get("partnerName").asText()).isEqualTo(PARTNER);

        browser.get(url("/#token=" + token));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("#portfolio-table tbody tr")).size() == 1);
        assertThat(script("return document.querySelector('#portfolio-table tbody tr td a').textContent"))
                .isEqualTo(NAME);
        assertThat(script("return document.querySelector('#portfolio-table tbody tr td:nth-child(2)').textContent"))
                .isEqualTo(CLIENT + " / " + PARTNER);
        assertThat(browser.findElement(By.cssSelector("#portfolio-table tbody tr td a")).getText()).isEqualTo(NAME);
        Thread.sleep(500); // time for an error or load handler to fire, were there one
        assertNoMarkupRendered("portfolio");

        browser.findElement(By.cssSelector("#portfolio-table tbody tr td a")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(script("return document.getElementById('name').textContent")).isEqualTo(NAME);
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo(NAME);
        assertThat(script("return document.getElementById('name').children.length")).isEqualTo(0L);
        assertThat((String) script("return document.getElementById('subtitle').textContent"))
                .startsWith(CLIENT + " × " + PARTNER + " · started ");
        assertThat(script("return document.getElementById('subtitle').children.length")).isEqualTo(0L);
        assertThat(browser.getTitle()).isEqualTo(NAME + " · Scorecard");
        Thread.sleep(500);
        assertNoMarkupRendered("engagement");

        // the SQL fragments were not executed: the consumer's tables still hold what was applied
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event").query(Long.class).single()).isPositive();

        List<?> errors = HeadlessChromium.consoleErrors(browser);
        assertThat(errors).as("console errors").isEmpty();
    }
}
