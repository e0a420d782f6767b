package org.negotiationledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard page in a real headless Chromium, fed by the real streams. */
class DashboardTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void thePageShowsAReportedViolationLiveWithoutAReload() {
        World world = world();
        ChromeDriver browser = Browser.start();
        try {
            browser.get(Browser.signedIn(TestUsers.VIEWER, port));
            // The page rebuilds its tables on every change: an element found may be replaced before it is read.
            WebDriverWait wait = live(browser);
            String row = "#commitments tr[data-commitment-id='" + world.truce() + "'] .status";
            wait.until(b -> "HOLDING".equals(attribute(b.findElements(By.cssSelector(row)), "data-status")));
            assertThat(browser.findElements(By.cssSelector("#broken tr[data-commitment-id='" + world.truce() + "']")))
                    .isEmpty();
            // A mark that a reload would wipe out.
            browser.executeScript("window.notReloaded = true;");

            String violation = unique("v");
            created(http.post(
                    "/api/v1/commitments/" + world.truce() + "/violations",
                    violation(violation, world.a(), world.b(), "2020-10-10T12:25+04:00")));

            wait.until(b -> "VIOLATED".equals(attribute(b.findElements(By.cssSelector(row)), "data-status")));
            wait.until(b -> !b.findElements(By.cssSelector("#broken tr[data-commitment-id='" + world.truce() + "']"))
                    .isEmpty());
            String chart = ".timeline[data-negotiation-id='" + world.negotiation() + "'] svg";
            wait.until(b -> !b.findElements(By.cssSelector(chart + " [data-type='ViolationReported']"))
                    .isEmpty());
            wait.until(b -> !b.findElements(By.cssSelector(chart + " [data-type='CommitmentTookEffect']"))
                    .isEmpty());
            // The report's mark links to the report's own event in the audit history.
            JsonNode events = http.get("/api/v1/audit/events?aggregateId=" + world.truce())
                    .json();
            long reportIndex = events.get(events.size() - 1).get("globalIndex").asLong();
            String link = chart + " a[data-violation-id='" + violation + "']";
            wait.until(b -> !b.findElements(By.cssSelector(link + " [data-type='ViolationReported']"))
                    .isEmpty());
            String href = browser.findElement(By.cssSelector(link)).getDomAttribute("href");
            assertThat(href).isEqualTo("/api/v1/audit/events?fromIndex=" + reportIndex + "&limit=1");
            JsonNode event = http.get(href).json().get(0);
            assertThat(event.get("type").asText()).isEqualTo("ViolationReported");
            assertThat(event.get("payload").get("violationId").toString()).contains(violation);
            wait.until(b -> b.findElement(By.cssSelector("#broken tr[data-commitment-id='" + world.truce() + "']"))
                    .getText()
                    .contains("25"));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"))
                    .isEqualTo(true);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRetractionRecordedYearsLaterDoesNotStretchTheValidTimeAxisMarksMinutesApartStayApartAndTheChartZooms() {
        World world = world();
        String report = unique("v");
        created(http.post(
                "/api/v1/commitments/" + world.truce() + "/violations",
                violation(report, world.a(), world.b(), "2020-10-10T12:05+04:00")));
        ChromeDriver browser = Browser.start();
        try {
            browser.get(Browser.signedIn(TestUsers.VIEWER, port) + "?negotiationId=" + world.negotiation());
            WebDriverWait wait = live(browser);
            String chart = ".timeline[data-negotiation-id='" + world.negotiation() + "'] svg";
            wait.until(b -> !b.findElements(By.cssSelector(chart + " [data-type='ViolationReported']"))
                    .isEmpty());
            wait.until(b -> "Talks"
                    .equals(b.findElement(
                                    By.cssSelector(".timeline[data-negotiation-id='" + world.negotiation() + "'] h3"))
                            .getText()));
            Object ticks = ticks(browser, chart);
            assertThat(ticks.toString()).as("the first tick carries the year").startsWith("[2020-");
            // The report five minutes after the truce took effect: its mark does not sit on the truce's.
            assertThat(browser.executeScript(
                            "const box = s => document.querySelector(s).getBBox();"
                                    + "const a = box(arguments[0] + \" [data-type='CommitmentTookEffect']\"),"
                                    + " b = box(arguments[0] + \" [data-type='ViolationReported']\");"
                                    + "return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;",
                            chart))
                    .isEqualTo(true);

            created(http.post(
                    "/api/v1/commitments/" + world.truce() + "/violations/" + report + "/retraction",
                    """
                    {"retractedBy": "%s", "reason": "reported twice"}""".formatted(world.a())));
            wait.until(b -> !b.findElements(By.cssSelector(chart + " [data-type='ViolationReportRetracted']"))
                    .isEmpty());
            assertThat(ticks(browser, chart))
                    .as("the axis after a retraction recorded today")
                    .isEqualTo(ticks);

            // Zoom and pan by buttons; Fit returns to the whole span.
            String controls = ".timeline[data-negotiation-id='" + world.negotiation() + "'] .zoom ";
            browser.findElement(By.cssSelector(controls + "button[data-zoom='in']"))
                    .click();
            browser.findElement(By.cssSelector(controls + "button[data-zoom='in']"))
                    .click();
            wait.until(b -> !ticks((ChromeDriver) b, chart).equals(ticks));
            Object zoomed = ticks(browser, chart);
            browser.findElement(By.cssSelector(controls + "button[data-zoom='right']"))
                    .click();
            wait.until(b -> !ticks((ChromeDriver) b, chart).equals(zoomed));
            browser.findElement(By.cssSelector(controls + "button[data-zoom='fit']"))
                    .click();
            wait.until(b -> ticks((ChromeDriver) b, chart).equals(ticks));
        } finally {
            browser.quit();
        }
    }

    /** The chart's axis labels (the "later" column's aside). */
    private static Object ticks(ChromeDriver browser, String chart) {
        return browser.executeScript(
                "return [...document.querySelectorAll(arguments[0] + ' .tick')]"
                        + ".map(t => t.textContent).filter(t => t !== 'later')",
                chart);
    }

    /**
     * The demo history as a wall screen and a phone show it; the screenshots are the README's (target/dashboard.png
     * and target/dashboard-narrow.png, copied to docs/).
     */
    @Test
    void theDemoHistoryOnTheDashboard() throws IOException {
        try (LedgerInstance ledger = LedgerInstance.withDemoHistory("ledger-dashboard")) {
            ChromeDriver browser = Browser.start();
            try {
                browser.get(Browser.signedIn(TestUsers.VIEWER, ledger.port()));
                WebDriverWait wait = live(browser);
                wait.until(
                        b -> b.findElements(By.cssSelector("#broken tbody tr")).size() == 3);
                wait.until(b -> !b.findElements(By.cssSelector(".timeline svg [data-type='StatementIssued']"))
                        .isEmpty());
                assertThat(browser.executeScript("return [...document.querySelectorAll('#broken tbody tr')]"
                                + ".map(row => row.dataset.commitmentId)"))
                        .isEqualTo(List.of("paris-2020-10-17", "moscow-2020-10-10", "washington-2020-10-25"));
                assertThat(browser.findElement(By.id("connection")).getAttribute("data-state"))
                        .isEqualTo("live");
                // The whole page, as a wall screen tall enough for it shows it.
                long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
                browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 120, 4000)));
                wait.until(b ->
                        !b.findElements(By.cssSelector("#map path.country")).isEmpty());
                Path screenshot = Path.of("target", "dashboard.png");
                Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));

                // A phone: nothing scrolls sideways; the tables become labelled cards (target/dashboard-narrow.png).
                browser.manage().window().setSize(new Dimension(360, 1400));
                wait.until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b)
                        .executeScript("return document.documentElement.scrollWidth <= window.innerWidth")));
                assertThat(browser.findElement(By.cssSelector("#broken tbody td"))
                                .getAttribute("data-label"))
                        .isEqualTo("Commitment");
                Files.write(Path.of("target", "dashboard-narrow.png"), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    private static WebDriverWait live(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String attribute(List<WebElement> elements, String name) {
        return elements.isEmpty() ? null : elements.get(0).getAttribute(name);
    }
}
