package org.negotiationledger.api.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Prerequisites;
import org.negotiationledger.api.TestUsers;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; {@code .ci/run} installs
 * them), driven through the system chromedriver: nothing is downloaded. Background networking is off, for this
 * machine has no internet and Chromium would otherwise keep trying to reach Google's services.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LEDGER_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("LEDGER_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    /**
     * The dashboard's address with a user's credentials in it: Chromium signs in with them (HTTP Basic) and
     * keeps them for the page's own requests, its streams among them, as it would after a sign-in dialog.
     */
    static String signedIn(String user, int port) {
        return "http://" + user + ":" + TestUsers.password(user) + "@127.0.0.1:" + port + "/";
    }

    static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            Prerequisites.missing("no " + CHROMIUM + " or " + CHROMEDRIVER
                    + ": install Debian's chromium and chromium-driver " + "(.ci/run does) to run the browser tests");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1250",
                "--user-data-dir=" + ApiTest.temporaryDirectory("ledger-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
