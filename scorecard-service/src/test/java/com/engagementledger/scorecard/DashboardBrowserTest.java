package com.engagementledger.scorecard;

import com.engagementledger.scorecard.support.HeadlessChromium;
import com.engagementledger.scorecard.support.IntegrationTest;
import com.engagementledger.scorecard.support.LedgerPublisher;
import com.engagementledger.scorecard.support.TwelveWeekHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard in a real headless Chromium: portfolio lists engagements, charts draw, console stays clean. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest extends IntegrationTest {
    private final String first = UUID.randomUUID().toString();
    private final String second = UUID.randomUUID().toString();
    private ChromeDriver browser;

    @BeforeAll
    void startBrowser() throws Exception {
        try (LedgerPublisher publisher = new LedgerPublisher(INFRA.kafka().bootstrapServers())) {
            List<String> ids = new ArrayList<>(TwelveWeekHistory.publish(publisher, first, "Payments platform"));
            ids.addAll(TwelveWeekHistory.publish(publisher, second, "Mobile banking app"));
            awaitApplied(ids);
        }
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void portfolio_lists_the_engagements_and_the_engagement_page_draws_its_charts() throws Exception {
        String token = leadOf(first, second);
        browser.get(url("/#token=" + token));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("#portfolio-table tbody tr")).size() == 2);
        String table = browser.findElement(By.id("portfolio-table")).getText();
        assertThat(table).contains("Payments platform", "Mobile banking app", "RED", "GREEN");
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        screenshot("dashboard-portfolio.png");

        browser.findElement(By.linkText("Payments platform")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        List<WebElement> canvases = browser.findElements(By.cssSelector(".charts canvas"));
        assertThat(canvases).hasSize(6);
        for (WebElement canvas : canvases) {
            // a drawn chart has pixels that are not transparent
            Object painted = ((JavascriptExecutor) browser).executeScript("""
                    const c = arguments[0]; const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; } return n;""", canvas);
            assertThat(((Number) painted).longValue()).as("painted pixels of " + canvas.getAttribute("id"))
                    .isGreaterThan(1000);
        }
        assertThat(browser.findElement(By.id("factors")).getText()).contains("Quality", "RED", "Speed", "GREEN");
        screenshot("dashboard-engagement.png");

        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
