package dev.handbook.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handbook.BuiltSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search as a reader uses it, in headless Chromium, from file://. */
class SearchBrowserTest {
    static Path site;
    static ChromeDriver browser;
    static Map<String, String> pathOfItem = new HashMap<>();

    @BeforeAll
    static void buildAndStart() throws IOException {
        site = BuiltSite.path();
        JsonNode manifest = new ObjectMapper().readTree(site.resolve("manifest.json").toFile());
        for (JsonNode topic : manifest.get("topics")) {
            for (JsonNode item : topic.get("items")) {
                pathOfItem.put(item.get("source").asText() + "#" + item.get("ordinal").asInt(), topic.get("path").asText());
            }
        }
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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                Boolean.TRUE.equals(browser.executeScript("return typeof window.handbookSearch === 'function'")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> search(String query) {
        return (List<Map<String, Object>>) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1]; window.handbookSearch(arguments[0]).then(done);", query);
    }

    @Test
    void labelledQueriesFindTheirTopicFirst() throws IOException {
        open("topics/" + Path.of(pathOfItem.get("ml-article#6")).getFileName());
        List<String[]> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("generator/src/test/resources/labels/search-queries.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                queries.add(line.split("\t"));
            }
        }
        double reciprocalRanks = 0;
        int inTopFive = 0;
        List<String> misses = new ArrayList<>();
        for (String[] q : queries) {
            String expected = pathOfItem.get(q[1]);
            List<Map<String, Object>> results = search(q[0]);
            int rank = 0;
            for (int i = 0; i < results.size(); i++) {
                String url = (String) results.get(i).get("url");
                assertTrue(url.startsWith("../topics/"), "result URLs are relative to the page: " + url);
                if (url.equals("../" + expected)) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank > 0) {
                reciprocalRanks += 1.0 / rank;
            }
            if (rank >= 1 && rank <= 5) {
                inTopFive++;
            }
            if (rank != 1) {
                misses.add(q[0] + " -> rank " + rank + " (first: " + (results.isEmpty() ? "none" : results.get(0).get("title")) + ")");
            }
        }
        double mrr = reciprocalRanks / queries.size();
        double topFive = (double) inTopFive / queries.size();
        System.out.printf(Locale.ROOT, "search on %d labelled queries: MRR %.3f, expected topic in top 5 for %.1f%%%n",
                queries.size(), mrr, topFive * 100);
        misses.forEach(m -> System.out.println("  " + m));
        assertTrue(queries.size() >= 40);
        assertTrue(mrr >= 0.85, "MRR " + mrr + ": " + misses);
        assertTrue(topFive >= 0.95, "top 5 " + topFive + ": " + misses);
    }

    @Test
    void resultsCarryTheContractFields() {
        open("index.html");
        List<Map<String, Object>> results = search("knn");
        assertTrue(!results.isEmpty());
        Map<String, Object> first = results.get(0);
        for (String field : List.of("url", "title", "category", "snippet")) {
            assertTrue(first.get(field) instanceof String && !((String) first.get(field)).isEmpty(), field);
        }
        assertTrue(((String) first.get("url")).startsWith("topics/"), "relative to the home page");
        assertEquals(List.of(), search("   "));
        assertEquals(List.of(), search("zzqqxx"));
    }

    @Test
    void typingShowsResultsAndTheKeyboardOpensOne() {
        open("index.html");
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys("/");
        WebElement input = browser.findElement(By.id("search-input"));
        assertEquals(input, browser.switchTo().activeElement(), "/ focuses the search box");
        input.sendKeys("overf");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> !d.findElements(By.cssSelector("#search-results [role=option]")).isEmpty());
        assertEquals("true", input.getAttribute("aria-expanded"));
        WebElement first = browser.findElement(By.cssSelector("#search-results [role=option]"));
        assertTrue(first.getText().toLowerCase(Locale.ROOT).contains("overfitting"), first.getText());
        assertTrue(!first.findElements(By.tagName("mark")).isEmpty(), "the typed word is highlighted");
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals(first.getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", first.getAttribute("aria-selected"));
        input.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("/topics/"));
        assertTrue(browser.getCurrentUrl().startsWith("file:"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().toLowerCase(Locale.ROOT).contains("overfitting"));
    }

    @Test
    void escapeClosesTheResults() {
        open("index.html");
        WebElement input = browser.findElement(By.id("search-input"));
        input.sendKeys("dropout");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("search-results")).isDisplayed());
        input.sendKeys(Keys.ESCAPE);
        assertTrue(!browser.findElement(By.id("search-results")).isDisplayed());
        assertEquals("false", input.getAttribute("aria-expanded"));
    }

    @Test
    void theResultsPageCanBeLinked() {
        browser.get(site.resolve("search.html").toUri() + "?q=bagging%20vs%20boosting");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("#search-page [role=option]")).isEmpty());
        String first = browser.findElement(By.cssSelector("#search-page [role=option]")).getText().toLowerCase(Locale.ROOT);
        assertTrue(first.contains("bagging") && first.contains("boosting"), first);
        assertEquals("bagging vs boosting", browser.findElement(By.id("search-page-input")).getAttribute("value"));
    }

    @Test
    void noRequestLeavesTheSiteAndTheConsoleStaysClean() {
        open("topics/" + Path.of(pathOfItem.get("coach-top30#24")).getFileName());
        search("roc auc");
        search("k-nearest neighbors");
        // everything the page loaded, including the index scripts search injected (resource timing does not
        // cover file:// in Chromium, so the document itself is asked)
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('script[src], link[href], img[src], iframe[src], "
                        + "audio[src], video[src], source[src], object[data]'))"
                        + ".map(function (e) { return e.src || e.href || e.data; });");
        assertTrue(resources.stream().anyMatch(u -> u.contains("/search/t-")), "index shards were loaded: " + resources);
        for (String url : resources) {
            assertTrue(url.startsWith("file:"), "request left the site: " + url);
        }
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertEquals(List.of(), errors);
    }
}
