package dev.handbook.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handbook.BuiltSite;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of page, checked by the Nu HTML Checker: no errors. */
class HtmlValidityTest {
    @Test
    void pagesAreValidHtml() throws Exception {
        Path site = BuiltSite.path();
        List<Path> pages = new ArrayList<>(List.of(site.resolve("index.html"), site.resolve("credits.html"),
                site.resolve("search.html"), site.resolve("practice.html"), site.resolve("404.html"),
                site.resolve("print.html")));
        try (Stream<Path> categories = Files.list(site.resolve("categories"))) {
            categories.sorted().limit(3).forEach(pages::add);
        }
        try (Stream<Path> topics = Files.list(site.resolve("topics"))) {
            // every 10th topic: answers with tables, code, math, lists, links
            List<Path> all = topics.sorted().toList();
            for (int i = 0; i < all.size(); i += 10) {
                pages.add(all.get(i));
            }
        }
        for (String withMath : List.of("adam-optimizer.html", "precision-recall-and-f1-score-when-would-you-use-each.html",
                "implement-k-means-clustering.html")) {
            pages.add(site.resolve("topics").resolve(withMath));
        }
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        java.util.Map<String, String> errors = new java.util.TreeMap<>(); // message -> first page with it
        for (Path page : pages) {
            JsonNode report = new ObjectMapper().readTree(validator.validate(page));
            for (JsonNode message : report.path("messages")) {
                if ("error".equals(message.path("type").asText())) {
                    errors.putIfAbsent(message.path("message").asText(),
                            site.relativize(page) + ":" + message.path("lastLine").asInt());
                }
            }
        }
        assertTrue(pages.size() > 40);
        assertEquals(java.util.Map.of(), errors);
    }
}
