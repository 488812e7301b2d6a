package dev.handbook.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through its chromedriver, with a fresh profile and no background network.
 * When the browser is missing the tests are skipped, unless HANDBOOK_BROWSER_TESTS=required (as in CI), where a
 * missing browser fails them.
 */
final class Browser {
    static final String CHROMIUM = System.getenv().getOrDefault("HANDBOOK_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("HANDBOOK_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver start() throws IOException {
        boolean available = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!available && "required".equals(System.getenv("HANDBOOK_BROWSER_TESTS"))) {
            throw new IllegalStateException("browser tests are required but " + CHROMIUM + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(available, "no Chromium here: browser tests skipped");
        Path profile = Files.createTempDirectory("handbook-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1200,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
