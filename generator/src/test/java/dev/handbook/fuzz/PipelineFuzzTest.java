package dev.handbook.fuzz;

import dev.handbook.clean.AnswerCleaner;
import dev.handbook.clean.CleanResult;
import dev.handbook.extract.Extraction;
import dev.handbook.extract.Item;
import dev.handbook.extract.ItemExtractor;
import dev.handbook.extract.RealSources;
import dev.handbook.render.MarkdownRenderer;
import dev.handbook.source.SourceDocument;
import dev.handbook.source.SourceFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Extract, clean and render never throw, whatever the text: random Markdown-ish text, and real sources mutated
 * (lines deleted, repeated, swapped, cut, or salted with markup characters).
 */
class PipelineFuzzTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final List<SourceDocument> REAL = RealSources.all();

    @AfterContainer
    static void closeRenderer() {
        RENDERER.close();
    }

    private static void runPipeline(SourceFormat format, String text) {
        SourceDocument doc = new SourceDocument("fuzz", "fuzz.md", "Fuzz", "", "", "", "", "", format,
                List.of(text.split("\n", -1)));
        Extraction extraction = new ItemExtractor().extract(doc);
        CleanResult cleaned = new AnswerCleaner().clean(doc, extraction.items());
        for (Item item : cleaned.items()) {
            RENDERER.render(item.body(), problem -> { });
        }
    }

    @Provide
    Arbitrary<String> markdownish() {
        Arbitrary<String> pieces = Arbitraries.of("#", "## ", "### 1. ", "**", "*", "_", "`", "```", "```python\n",
                "$", "$$", "\\", "|", "| a | b |\n|---|---|\n", "- ", "  - ", "1. ", "1) ", "Q1: ", "A1: ",
                "What is x?", "Question 3: ", "<b>", "</b>", "<script>", "[a](b)", "![i](http://x/y.png)", "\n",
                "\n\n", "    ", ":", "•", "Why?", "Answer:", "é", "\uFFFD", "\t", "TP / (TP + FP)", "x = 1",
                "for i in x:", "def f(a):", "return a", "Design: X");
        return pieces.list().ofMaxSize(120).map(list -> String.join("", list));
    }

    @Property(tries = 300)
    void randomMarkdownNeverBreaksThePipeline(@ForAll("markdownish") String text) {
        runPipeline(SourceFormat.MARKDOWN, text);
        runPipeline(SourceFormat.TEXT, text);
    }

    @Provide
    Arbitrary<String> mutatedSources() {
        Arbitrary<Integer> source = Arbitraries.integers().between(0, REAL.size() - 1);
        Arbitrary<List<int[]>> edits = Combinators.combine(
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 40)).as((kind, at, length) -> new int[]{kind, at, length})
                .list().ofMaxSize(12);
        return Combinators.combine(source, edits).as((s, list) -> mutate(REAL.get(s).lines(), list));
    }

    private static String mutate(List<String> original, List<int[]> edits) {
        List<String> lines = new ArrayList<>(original);
        for (int[] e : edits) {
            if (lines.isEmpty()) {
                break;
            }
            int at = e[1] % lines.size();
            int end = Math.min(lines.size(), at + e[2]);
            switch (e[0]) {
                case 0 -> lines.subList(at, end).clear();
                case 1 -> lines.addAll(at, new ArrayList<>(lines.subList(at, end)));
                case 2 -> lines.set(at, lines.get(Math.max(at, end - 1)));
                case 3 -> lines.set(at, lines.get(at).substring(0, Math.min(lines.get(at).length(), e[2])));
                default -> lines.add(at, "**$`|#" + e[2] + "?");
            }
        }
        return String.join("\n", lines);
    }

    @Property(tries = 60)
    void mutatedRealSourcesNeverBreakThePipeline(@ForAll("mutatedSources") String text) {
        runPipeline(SourceFormat.MARKDOWN, text);
        runPipeline(SourceFormat.TEXT, text);
    }
}
