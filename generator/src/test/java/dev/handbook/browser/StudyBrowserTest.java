package dev.handbook.browser;

import dev.handbook.BuiltSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Study mode as a reader uses it, keyboard only, from file://. */
class StudyBrowserTest {
    @TempDir
    static Path tmp;
    static Path site;
    static ChromeDriver browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        site = BuiltSite.path();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String page) {
        browser.get(site.resolve(page).toUri().toString());
        wait(d -> "complete".equals(browser.executeScript("return document.readyState"))
                && Boolean.TRUE.equals(browser.executeScript("return !!window.handbookStudy")));
    }

    private static void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
    }

    @BeforeEach
    void freshProgress() {
        open("index.html");
        browser.executeScript("window.localStorage.clear();");
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void aKeyboardPracticeSessionIsRememberedOnTheHomePage() {
        open("practice.html");
        wait(d -> !text("card-question").startsWith("Loading"));
        Actions keys = new Actions(browser);
        String[] grades = {"3", "4", "2", "3", "4"};
        for (String grade : grades) {
            String question = text("card-question");
            keys.sendKeys(" ").perform();
            wait(d -> d.findElement(By.id("card-answer")).isDisplayed());
            assertTrue(!text("card-answer").isBlank(), "an answer is shown for " + question);
            keys.sendKeys(grade).perform();
            wait(d -> !text("card-question").equals(question));
        }
        assertTrue(text("practice-summary").contains("5 practised"), text("practice-summary"));
        open("index.html");
        browser.navigate().refresh();
        wait(d -> !d.findElements(By.cssSelector(".progress-label:not([hidden])")).isEmpty());
        String label = browser.findElement(By.cssSelector(".category-card .progress-label")).getText();
        assertTrue(label.contains("5 practised"), label);
    }

    @Test
    void markingATopicKnownShowsOnItsCategory() {
        open("topics/overfitting-and-how-can-you-avoid-it.html");
        wait(d -> d.findElement(By.cssSelector(".study-status")).isDisplayed());
        browser.findElement(By.xpath("//button[text()='Mark as known']")).click();
        assertTrue(browser.findElement(By.cssSelector(".study-status")).getText().contains("known"));
        open("categories/fundamentals-of-machine-learning.html");
        wait(d -> d.findElement(By.cssSelector(".progress-label")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector(".progress-label")).getText().startsWith("1 of "));
    }

    @Test
    void exportedProgressComesBackAfterAReset() throws IOException {
        open("topics/overfitting-and-how-can-you-avoid-it.html");
        browser.executeScript("window.handbookStudy.importJson(JSON.stringify({version: 1, cards: {"
                + "'overfitting-and-how-can-you-avoid-it': {ef: 2.6, reps: 2, interval: 6, due: 1, status: 'known'}}}));");
        open("practice.html");
        wait(d -> d.findElement(By.id("progress-tools")).isDisplayed());
        String exported = (String) browser.executeScript("return window.handbookStudy.exportJson();");
        Path file = tmp.resolve("progress.json");
        Files.writeString(file, exported);
        browser.findElement(By.id("progress-reset")).click();
        browser.switchTo().alert().accept();
        assertEquals("new", browser.executeScript("return window.handbookStudy.status('overfitting-and-how-can-you-avoid-it')"));
        browser.findElement(By.id("progress-import")).sendKeys(file.toString());
        wait(d -> text("progress-tools-status").startsWith("Progress imported"));
        assertEquals("known", browser.executeScript("return window.handbookStudy.status('overfitting-and-how-can-you-avoid-it')"));
    }

    @Test
    void darkModeIsRememberedAcrossPages() {
        open("index.html");
        WebElement toggle = browser.findElement(By.id("theme-toggle"));
        String before = (String) browser.executeScript("return document.documentElement.getAttribute('data-theme') || ''");
        toggle.click();
        String chosen = (String) browser.executeScript("return document.documentElement.getAttribute('data-theme')");
        assertTrue(chosen.equals("dark") || chosen.equals("light"));
        open("practice.html");
        assertEquals(chosen, browser.executeScript("return document.documentElement.getAttribute('data-theme')"));
        browser.navigate().refresh();
        assertEquals(chosen, browser.executeScript("return document.documentElement.getAttribute('data-theme')"));
        if (!before.isEmpty()) {
            assertTrue(!before.equals(chosen));
        }
        browser.executeScript("window.localStorage.removeItem('handbook.theme');");
    }

    @Test
    void thePracticePageHasNoSeriousAccessibilityViolations() throws IOException {
        String axePath = System.getenv("HANDBOOK_AXE");
        if (axePath == null || !Files.exists(Path.of(axePath))) {
            if ("required".equals(System.getenv("HANDBOOK_BROWSER_TESTS"))) {
                throw new IllegalStateException("HANDBOOK_AXE must name axe.min.js in CI");
            }
            Assumptions.abort("no axe-core here (set HANDBOOK_AXE to axe.min.js)");
        }
        for (String page : List.of("practice.html", "index.html", "topics/overfitting-and-how-can-you-avoid-it.html")) {
            open(page);
            browser.executeScript(Files.readString(Path.of(axePath)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                            + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                            + "    .map(function (v) { return {id: v.id, impact: v.impact, help: v.help, where: v.nodes.map(function (n) { return n.target.join(' '); }).join(', ')}; }));"
                            + "});");
            assertEquals(List.of(), violations, page);
        }
    }
}
