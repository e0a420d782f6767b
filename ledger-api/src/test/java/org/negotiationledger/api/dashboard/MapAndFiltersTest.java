package org.negotiationledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a monitoring team works it, in headless Chromium: a report posted with a place stands on the
 * map in its country, coloured and shaped by its status; a mark leads to its commitment's reports; a filter
 * narrows the table and the CSV export holds what the table shows.
 */
class MapAndFiltersTest extends ApiTest {

    @Test
    void aPostedReportStandsOnTheMapAtItsPlaceAndLeadsToItsCommitmentsReports() {
        World world = world();
        String standing = unique("v");
        String retracted = unique("v");
        created(http.post(
                "/api/v1/commitments/" + world.truce() + "/violations", """
                {"id": "%s", "reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:30+04:00",
                 "location": {"name": "near Karakhanbeyli", "latitude": 39.6, "longitude": 47.0}}""".formatted(standing, world.a(), world.b())));
        created(http.post("/api/v1/commitments/" + world.truce() + "/violations", """
                {"id": "%s", "reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T13:30+04:00",
                 "location": {"name": "Stepanakert", "latitude": 39.82, "longitude": 46.75}}""".formatted(
                        retracted, world.b(), world.a())));
        created(http.post(
                "/api/v1/commitments/" + world.truce() + "/violations/" + retracted + "/retraction",
                """
                {"retractedBy": "%s", "reason": "reported twice"}""".formatted(world.b())));

        ChromeDriver browser = Browser.start();
        try {
            browser.get(Browser.signedIn(TestUsers.VIEWER, port) + "?negotiationId=" + world.negotiation());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(b -> b.findElements(By.cssSelector("#map path.country")).size() > 100);
            String mark = "#map [data-violation-id='" + standing + "']";
            wait.until(
                    b -> "STANDING".equals(b.findElement(By.cssSelector(mark)).getAttribute("data-status")));
            wait.until(b -> "RETRACTED"
                    .equals(b.findElement(By.cssSelector("#map [data-violation-id='" + retracted + "']"))
                            .getAttribute("data-status")));
            assertThat(browser.executeScript(
                            "const mark = document.querySelector(arguments[0]);"
                                    + "const country = document.querySelector(\"#map [data-country='Azerbaijan']\");"
                                    + "return country.isPointInFill(new DOMPoint(+mark.getAttribute('cx'), +mark.getAttribute('cy')));",
                            mark))
                    .as("the mark at 39.6 N 47.0 E lies in Azerbaijan")
                    .isEqualTo(true);

            browser.findElement(By.cssSelector(mark)).click();
            wait.until(b -> b.findElement(By.id("detail")).isDisplayed());
            wait.until(b -> b.findElements(By.cssSelector("#reports tbody tr")).size() == 2);
            assertThat(browser.findElement(By.cssSelector("#reports tr[data-violation-id='" + retracted + "']"))
                            .getText())
                    .contains("RETRACTED", "reported twice");
            assertThat(browser.findElement(By.cssSelector("#reports tr[data-violation-id='" + standing + "']"))
                            .getText())
                    .contains(world.a(), world.b(), "near Karakhanbeyli", "STANDING");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aFilterNarrowsTheTableAndTheExportHoldsWhatItShows() {
        World world = world();
        world(); // another negotiation, filtered out below
        ChromeDriver browser = Browser.start();
        try {
            browser.get(Browser.signedIn(TestUsers.VIEWER, port));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(
                    b -> b.findElements(By.cssSelector("#commitments tbody tr")).size() >= 2);
            wait.until(b ->
                    b.findElements(By.cssSelector("#filter-negotiation option[value='" + world.negotiation() + "']"))
                                    .size()
                            == 1);
            new Select(browser.findElement(By.id("filter-negotiation"))).selectByValue(world.negotiation());
            wait.until(
                    b -> b.findElements(By.cssSelector("#commitments tbody tr")).size() == 1);
            assertThat(browser.findElement(By.cssSelector("#commitments tbody tr"))
                            .getAttribute("data-commitment-id"))
                    .isEqualTo(world.truce());

            Object csv = browser.executeScript("const href = document.getElementById('export').href;"
                    + "return decodeURIComponent(href.slice(href.indexOf(',') + 1));");
            assertThat(csv.toString().strip().split("\r?\n")).hasSize(2);
            assertThat(csv.toString())
                    .startsWith("id,title,kind,negotiationId,status,")
                    .contains(world.truce());
        } finally {
            browser.quit();
        }
    }
}
