package dev.handbook.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handbook.BuiltSite;
import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole handbook built from the real content into a temporary directory, checked as a reader would. */
class SiteBuildTest {
    @TempDir
    static Path tmp;
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void build() throws IOException {
        site = BuiltSite.path();
        result = BuiltSite.result();
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The page of the topic holding the item with this exact question. */
    private static Document pageOf(String question) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(site.resolve("manifest.json").toFile());
        for (JsonNode topic : manifest.get("topics")) {
            for (JsonNode item : topic.get("items")) {
                if (item.get("question").asText().equals(question)) {
                    return Jsoup.parse(site.resolve(topic.get("path").asText()).toFile(), "UTF-8");
                }
            }
        }
        throw new AssertionError("no topic asks " + question);
    }

    @Test
    void manifestListsEveryItemUnderExactlyOneTopic() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(site.resolve("manifest.json").toFile());
        assertEquals("handbook 0.1.0", manifest.get("generator").asText());
        Map<String, Integer> declared = new HashMap<>();
        manifest.get("sources").forEach(s -> declared.put(s.get("id").asText(), s.get("items").asInt()));
        assertEquals(Map.of("ml-article", 36, "coach-top30", 36, "epam-anywhere", 42, "extended-reference", 42,
                "outcome-school", 284), declared);
        Set<String> seen = new HashSet<>();
        Map<String, Integer> counted = new HashMap<>();
        for (JsonNode topic : manifest.get("topics")) {
            assertTrue(Files.exists(site.resolve(topic.get("path").asText())), topic.get("path").asText());
            assertFalse(topic.get("category").asText().isEmpty());
            for (JsonNode item : topic.get("items")) {
                String ref = item.get("source").asText() + "#" + item.get("ordinal").asInt();
                assertTrue(seen.add(ref), "item listed twice: " + ref);
                counted.merge(item.get("source").asText(), 1, Integer::sum);
                assertFalse(item.get("question").asText().isBlank());
            }
        }
        assertEquals(declared, counted);
    }

    @Test
    void everyInternalLinkIsRelativeAndResolvesAndNothingLoadsFromElsewhere() throws IOException {
        assertEquals(List.of(), LinkChecker.check(site));
        for (Path page : pages()) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element el : doc.select("link[href]:not([rel=canonical]), script[src], img[src], iframe[src]")) {
                String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                assertFalse(url.matches("(?i)^(https?:)?//.*"), "loads from elsewhere: " + page + " " + url);
            }
        }
    }

    @Test
    void noAdBioOrPageChromeReachesATopicPage() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path page : pages()) {
            if (!page.startsWith(site.resolve("topics"))) {
                continue;
            }
            String text = Jsoup.parse(page.toFile(), "UTF-8").text();
            for (String bad : List.of("Verve AI", "Send your CV", "shares practical insight", "bottom of page",
                    "top of page", "Follow Amit", "Good luck", "reviewed and verified by")) {
                if (text.contains(bad)) {
                    leaks.add(site.relativize(page) + ": " + bad);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void creditsKeepTheApacheNoticeAndNameEverySource() throws IOException {
        String credits = Jsoup.parse(site.resolve("credits.html").toFile(), "UTF-8").text();
        assertTrue(credits.contains("Licensed under the Apache License, Version 2.0"));
        assertTrue(credits.contains("Copyright (C) 2025 Outcome School"));
        for (String title : List.of("Top 30 Most Common Machine Learning Interview Questions You Should Prepare For",
                "Machine Learning Interview Questions — Extended Reference")) {
            assertTrue(credits.contains(title), title);
        }
    }

    @Test
    void repairedTablesAndCodeReachThePage() throws IOException {
        Document dl = pageOf("What is the difference between Deep Learning and Machine Learning?");
        Element table = dl.selectFirst(".answer-body table");
        assertTrue(table != null, "the flattened table is a table again");
        assertEquals("Deep Learning", table.select("th").get(1).text());
        Document kmeans = pageOf("Implement K-means clustering");
        String code = kmeans.selectFirst("pre code").wholeText();
        assertTrue(code.contains("\n    def __init__(self, n_features, k):"), code);
        assertTrue(code.contains("\n        self.n_features = n_features"), code);
        assertTrue(code.contains("\n        return distances.index(min(distances))"), code);
    }

    @Test
    void aQuestionWithoutAnAnswerSaysSoInsteadOfShowingAnEmptyBox() throws IOException {
        Document page = pageOf("Write a Python function to compute the Euclidean distance between two points");
        assertTrue(page.text().contains("gives no answer"), page.text());
        assertTrue(page.text().contains("code sample is missing"));
        assertTrue(page.select(".answer-body").isEmpty());
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws IOException {
        Path again = tmp.resolve("again");
        new Pipeline(new Diagnostics()).build(new BuildOptions(Path.of("content"), Path.of("theme"), again, ""));
        List<Path> first;
        try (Stream<Path> s = Files.walk(site)) {
            first = s.filter(Files::isRegularFile).map(site::relativize).sorted().toList();
        }
        for (Path rel : first) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(site.resolve(rel)),
                    Files.readAllBytes(again.resolve(rel))), "differs: " + rel);
        }
        try (Stream<Path> s = Files.walk(again)) {
            assertEquals(first.size(), s.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void glossaryTermsLinkToTheirTopicOncePerPageAndNeverToThePageItself() throws IOException {
        int links = 0;
        for (Path page : pages()) {
            if (!page.startsWith(site.resolve("topics"))) {
                continue;
            }
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            Set<String> targets = new HashSet<>();
            for (Element a : doc.select("a.glossary")) {
                links++;
                assertFalse(a.attr("href").endsWith("/" + page.getFileName()), "links to itself: " + page);
                assertTrue(targets.add(a.attr("href")), "linked twice on " + page + ": " + a.attr("href"));
                assertTrue(a.parents().stream().noneMatch(e -> e.is("code, pre, h1, h2, h3, h4")), "in code or a heading");
            }
        }
        assertTrue(links >= 20, links + " glossary links");
    }

    @Test
    void topicPagesShowEveryPhrasingAndRelatedQuestions() throws IOException {
        Document page = pageOf("What is overfitting, and how can you avoid it?");
        String phrasings = page.select(".phrasings").text();
        for (String q : List.of("What is Overfitting and how can you avoid it?",
                "Explain the concept of overfitting and how to prevent it", "What is overfitting? How can you avoid it?",
                "Explain Overfitting and Underfitting. How can you prevent them?")) {
            assertTrue(phrasings.contains(q), q);
        }
        assertEquals(5, page.select(".answer").size(), "one answer per source");
        assertTrue(page.select(".related li").size() >= 4);
    }

    @Test
    void formulasAreTypesetAtBuildTimeWithoutAnyScript() throws IOException {
        int withMath = 0;
        for (Path page : pages()) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            if (!doc.select(".katex").isEmpty()) {
                withMath++;
                assertFalse(doc.select("main").text().contains("$$"), "raw delimiters on " + page);
                assertFalse(doc.select(".katex math").isEmpty(), "MathML for screen readers on " + page);
            }
            for (Element script : doc.select("script[src]")) {
                assertTrue(script.attr("src").matches("(.*/)?assets/(theme|search|study)\\.js"),
                        "no math or highlighting script: " + page + " " + script);
            }
        }
        assertTrue(withMath >= 20, withMath + " pages with formulas");
        assertTrue(Files.exists(site.resolve("assets/katex/katex.min.css")));
        assertTrue(Files.exists(site.resolve("assets/katex/fonts/KaTeX_Main-Regular.woff2")), "fonts served locally");
    }

    private static List<String> headers(Document page, String firstCell) {
        for (Element table : page.select(".answer-body table")) {
            List<String> cells = table.select("thead th").stream().map(Element::text).toList();
            if (cells.contains(firstCell)) {
                return cells;
            }
        }
        throw new AssertionError("no table with " + firstCell);
    }

    @Test
    void repairedTablesHaveTheirHeadersOverTheirColumns() throws IOException {
        assertEquals(List.of("", "Bias", "Variance"), headers(pageOf("Explain the bias-variance tradeoff."), "Bias"));
        assertEquals(List.of("", "Predicted Positive", "Predicted Negative"),
                headers(pageOf("Explain a confusion matrix."), "Predicted Positive"));
        assertEquals(List.of("Function", "Output Range", "Use Case", "Weakness"),
                headers(pageOf("Types of activation functions"), "Function"));
    }

    @Test
    void restoredPythonIsValidPython() throws Exception {
        String code = pageOf("Implement K-means clustering").selectFirst("pre code").wholeText();
        Path file = tmp.resolve("kmeans.py");
        Files.writeString(file, code);
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())",
                    file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no python3 here to check the syntax");
            return;
        }
        String output = new String(python.getInputStream().readAllBytes());
        assertEquals(0, python.waitFor(), output);
        assertTrue(code.contains("\n            for c in self.centroids:\n                c.vectors"), code);
    }
}
