package dev.handbook.browser;

import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;

/** Lets tests in other packages start the same headless Chromium (skipped or required like the rest). */
public final class BrowserAccess {
    private BrowserAccess() {
    }

    public static ChromeDriver start() throws IOException {
        return Browser.start();
    }
}
