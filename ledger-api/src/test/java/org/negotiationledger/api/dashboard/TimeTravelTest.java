package org.negotiationledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;
import org.negotiationledger.api.view.ViewsCaughtUp;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's two clocks, in headless Chromium on the demo history: a valid time shows the board as it
 * stood then (streams paused, the address keeps the time, so the view can be shared), a record time shows
 * what the ledger knew then, and one click returns to live.
 */
class TimeTravelTest {

    private static final String MOSCOW = "#commitments tr[data-commitment-id='moscow-2020-10-10'] .status";
    private static final String CHART = ".timeline[data-negotiation-id='nagorno-karabakh-2020'] svg";

    @Test
    void aValidTimeShowsTheBoardAsItStoodAndOneClickReturnsToLive() {
        try (LedgerInstance ledger = LedgerInstance.withDemoHistory("ledger-time-travel")) {
            Http http = ledger.http();
            ViewsCaughtUp.awaitHistory(http);
            String now = http.get("/api/v1/commitments/moscow-2020-10-10")
                    .json()
                    .path("status")
                    .asText();
            String before = http.get("/api/v1/commitments/moscow-2020-10-10?validAt=2020-10-10T07:30Z")
                    .json()
                    .path("status")
                    .asText();
            assertThat(before).isEqualTo("PENDING").isNotEqualTo(now);

            ChromeDriver browser = Browser.start();
            try {
                String page = Browser.signedIn(TestUsers.TESTER, ledger.port());
                browser.get(page);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.ignoring(StaleElementReferenceException.class);
                wait.until(b -> now.equals(status(b)));
                wait.until(b -> !b.findElements(By.cssSelector(CHART + " [data-type='ViolationReported']"))
                        .isEmpty());
                assertThat(browser.findElement(By.cssSelector(".timeline h3")).getText())
                        .as("the heading is the negotiation's title")
                        .doesNotStartWith("Negotiation opened");

                choose(browser, "valid-at", "2020-10-10T07:30");
                wait.until(b -> "PENDING".equals(status(b)));
                wait.until(
                        b -> "paused".equals(b.findElement(By.id("connection")).getAttribute("data-state")));
                assertThat((String) browser.executeScript("return location.search"))
                        .contains("validAt=2020-10-10T07%3A30Z");
                wait.until(b -> b.findElements(By.cssSelector(CHART + " [data-type='ViolationReported']"))
                        .isEmpty());

                browser.findElement(By.id("live")).click();
                wait.until(b -> now.equals(status(b)));
                wait.until(b -> "live".equals(b.findElement(By.id("connection")).getAttribute("data-state")));
                assertThat((String) browser.executeScript("return location.search"))
                        .doesNotContain("validAt");

                // The address keeps the moment: opened again, it shows the same board.
                browser.get(page + "?validAt=2020-10-10T07:30Z");
                wait.until(b -> "PENDING".equals(status(b)));
                assertThat(browser.findElement(By.id("valid-at")).getAttribute("value"))
                        .isEqualTo("2020-10-10T07:30");

                // A record time before the ledger recorded anything: nothing was known.
                browser.findElement(By.id("live")).click();
                wait.until(b -> now.equals(status(b)));
                choose(browser, "as-of", "2000-01-01T00:00");
                wait.until(b -> b.findElement(By.id("commitments-empty")).isDisplayed());
                assertThat((String) browser.executeScript("return location.search"))
                        .contains("asOf=2000-01-01T00%3A00Z");
            } finally {
                browser.quit();
            }
        }
    }

    /** Sets a date-time control as a person would, and lets the page hear the change. */
    private static void choose(ChromeDriver browser, String id, String value) {
        browser.executeScript(
                "const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                        + "input.dispatchEvent(new Event('change'));",
                id,
                value);
    }

    private static String status(WebDriver browser) {
        var found = browser.findElements(By.cssSelector(MOSCOW));
        return found.isEmpty() ? null : found.get(0).getAttribute("data-status");
    }
}
