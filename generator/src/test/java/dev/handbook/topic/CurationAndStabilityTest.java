package dev.handbook.topic;

import dev.handbook.Trees;
import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Curation from content/curation.yaml, and slugs that survive a new source. */
class CurationAndStabilityTest {
    @TempDir
    Path tmp;

    private Path copyOfContent() throws IOException {
        Path content = tmp.resolve("content");
        Trees.copy(Path.of("content"), content);
        return content;
    }

    private static Map<String, String> slugOfItem(BuildResult result) {
        Map<String, String> slugs = new HashMap<>();
        result.topics().forEach(t -> t.items().forEach(i -> slugs.put(i.ref(), t.slug())));
        return slugs;
    }

    private BuildResult analyze(Path content, Diagnostics diagnostics) {
        return new Pipeline(diagnostics).analyze(new BuildOptions(content, Path.of("theme"), tmp.resolve("out"), ""));
    }

    @Test
    void aNewSourceJoinsExistingTopicsWithoutRenamingAnyPage() throws IOException {
        Path content = copyOfContent();
        Map<String, String> before = slugOfItem(analyze(content, new Diagnostics()));
        Files.writeString(content.resolve("sources/zz-new-collection.md"), """
                # More ML questions

                ## 1. What is overfitting and how do you avoid it?
                When a model memorises noise. Use regularization, more data and early stopping.

                ## 2. Explain the k-nearest neighbors algorithm.
                Classify a point by the majority label of its k closest training points.

                ## 3. What is the difference between bagging and boosting?
                Bagging trains models in parallel on bootstrap samples; boosting trains them in sequence.

                ## 4. What is a Bloom filter?
                A probabilistic set membership structure.
                """);
        BuildResult after = analyze(content, new Diagnostics());
        Map<String, String> slugs = slugOfItem(after);
        before.forEach((item, slug) -> assertEquals(slug, slugs.get(item), "page of " + item + " renamed"));
        String newSource = "zz-new-collection";
        assertEquals(before.get("ml-article#6"), slugs.get(newSource + "#1"), "overfitting joins its topic");
        assertEquals(before.get("coach-top30#4"), slugs.get(newSource + "#2"), "KNN joins its topic");
        assertEquals(before.get("coach-top30#24"), slugs.get(newSource + "#3"), "bagging vs boosting joins");
        assertTrue(!before.containsValue(slugs.get(newSource + "#4")), "a new question gets a new page");
    }

    @Test
    void curationMergesSplitsRenamesAndRecategorizes() throws IOException {
        Path content = copyOfContent();
        Map<String, String> before = slugOfItem(analyze(content, new Diagnostics()));
        String overfitting = before.get("ml-article#6");
        assertNotEquals(before.get("ml-article#7"), before.get("ml-article#8"));
        Files.writeString(content.resolve("curation.yaml"), """
                merge:
                  - [ml-article#7, ml-article#8]
                split: [outcome-school#9, no-such-source#1]
                rename:
                  %s: What is overfitting, and how do you avoid it?
                category:
                  %s: Deep Learning
                """.formatted(overfitting, overfitting));
        Diagnostics diagnostics = new Diagnostics();
        BuildResult after = analyze(content, diagnostics);
        Map<String, String> slugs = slugOfItem(after);
        assertEquals(slugs.get("ml-article#7"), slugs.get("ml-article#8"), "merged");
        assertNotEquals(slugs.get("ml-article#6"), slugs.get("outcome-school#9"), "split");
        Topic topic = after.topics().stream().filter(t -> t.slug().equals(overfitting)).findFirst().orElseThrow();
        assertEquals("What is overfitting, and how do you avoid it?", topic.title());
        assertEquals("Deep Learning", topic.category());
        assertTrue(diagnostics.all().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING
                && d.file().endsWith("curation.yaml") && d.line() == 3 && d.message().contains("no-such-source#1")),
                diagnostics.all().toString());
    }
}
