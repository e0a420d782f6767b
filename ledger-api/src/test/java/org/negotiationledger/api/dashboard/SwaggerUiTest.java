package org.negotiationledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI, in headless Chromium, as a newcomer uses it: signs in with Basic through its Authorize dialog and
 * tries an operation, which answers 200 (a 401 would mean the sign-in did not reach the request).
 */
class SwaggerUiTest extends ApiTest {

    @Test
    void swaggerUiSignsInWithBasicAndTriesAnOperation() {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + port + "/swagger-ui/index.html");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper button.authorize")))
                    .click();

            WebElement basic = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'basic')]]")));
            basic.findElement(By.cssSelector("input[type=text]")).sendKeys(TestUsers.VIEWER);
            basic.findElement(By.cssSelector("input[type=password]")).sendKeys(TestUsers.password(TestUsers.VIEWER));
            basic.findElement(By.cssSelector("button.authorize")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".dialog-ux button.btn-done")))
                    .click();

            WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#operations-Views-commitments .opblock-summary")));
            operation.click();
            wait.until(ExpectedConditions.elementToBeClickable(
                            By.cssSelector("#operations-Views-commitments .try-out__btn")))
                    .click();
            wait.until(ExpectedConditions.elementToBeClickable(
                            By.cssSelector("#operations-Views-commitments button.execute")))
                    .click();
            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#operations-Views-commitments .live-responses-table tr.response .response-col_status")));
            assertThat(status.getText().trim()).startsWith("200");
        } finally {
            browser.quit();
        }
    }
}
