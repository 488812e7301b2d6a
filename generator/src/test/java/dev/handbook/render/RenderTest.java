package dev.handbook.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Math and code rendered at build time, and the cache that spares a rebuild the script engine. */
class RenderTest {
    @TempDir
    Path tmp;

    @Test
    void findsInlineDisplayAndNoOtherDollars() {
        MathSpans.Result r = MathSpans.extract("""
                Inline $x^2$ and display:

                $$
                \\frac{a}{b}
                $$

                Prices: it costs $5 and $10. Escaped \\$x\\$ stays. Code `$y$` stays.
                ```
                $z$ in a fence
                ```
                """);
        assertEquals(List.of("x^2", "\\frac{a}{b}"), r.formulas().stream().map(MathSpans.Formula::tex).toList());
        assertEquals(List.of(false, true), r.formulas().stream().map(MathSpans.Formula::display).toList());
        assertTrue(r.markdown().contains("costs $5 and $10"));
        assertTrue(r.markdown().contains("`$y$`"));
        assertTrue(r.markdown().contains("$z$ in a fence"));
    }

    @Test
    void unbalancedDollarsStayText() {
        MathSpans.Result r = MathSpans.extract("A lone $ sign, and $$ never closed\nnext line");
        assertTrue(r.formulas().isEmpty());
        assertTrue(r.markdown().contains("never closed"));
    }

    @Test
    void typesetsMathAsKatexHtmlWithMathMlAndReportsBadFormulas() {
        try (MarkdownRenderer renderer = new MarkdownRenderer()) {
            List<String> problems = new ArrayList<>();
            String html = renderer.render("""
                    The sigmoid is $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.

                    $$\\sum_{i=1}^{n} x_i$$

                    ```math
                    E = mc^2
                    ```

                    Broken: $\\frac{1}{$ here.
                    """, problems::add);
            assertTrue(html.contains("class=\"katex\""), html);
            assertTrue(html.contains("<math"), "MathML for screen readers");
            assertTrue(html.contains("katex-display"), "display math");
            assertFalse(html.contains("$$"), "no raw delimiters: " + html);
            assertTrue(html.contains("class=\"math-error\""), "a visible error box");
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("\\frac{1}{"));
        }
    }

    @Test
    void highlightsCodeWithItsLanguage() {
        try (MarkdownRenderer renderer = new MarkdownRenderer()) {
            String html = renderer.render("```python\nimport numpy as np\ndef f(x):\n    return x\n```\n");
            assertTrue(html.contains("<span class=\"hljs-keyword\">import</span>"), html);
            assertTrue(html.contains("    <span class=\"hljs-keyword\">return</span>"), "indentation kept: " + html);
            String plain = renderer.render("```\nno language\n```\n");
            assertFalse(plain.contains("hljs-"));
        }
    }

    @Test
    void highlightsAnyLanguageHighlightJsHasAndItsAliases() {
        try (MarkdownRenderer renderer = new MarkdownRenderer()) {
            // Haskell and Julia are not among the browser bundle's common languages; their modules load on demand
            String haskell = renderer.render("```haskell\nmodule Main where\nmain = putStrLn \"hi\"\n```\n");
            assertTrue(haskell.contains("<span class=\"hljs-keyword\">module</span>"), haskell);
            String julia = renderer.render("```julia\nfunction f(x)\n    return x\nend\n```\n");
            assertTrue(julia.contains("<span class=\"hljs-keyword\">function</span>"), julia);
            // a shell session hands its commands to bash, which loads with it (before anything loads the
            // common languages, bash among them)
            String shell = renderer.render("```shell\n$ echo hello\n```\n");
            assertTrue(shell.contains("<span class=\"hljs-built_in\">echo</span>"), shell);
            // an alias names no module: it resolves once the common languages are registered
            String py = renderer.render("```py\nimport os\n```\n");
            assertTrue(py.contains("<span class=\"hljs-keyword\">import</span>"), py);
            String upper = renderer.render("```SQL\nSELECT 1\n```\n");
            assertTrue(upper.contains("<span class=\"hljs-keyword\">SELECT</span>"), upper);
            // an unknown name, or one that would reach outside the languages, is left as plain code
            for (String name : List.of("nosuchlanguage", "../core", "python.js")) {
                String plain = renderer.render("```" + name + "\nimport os\n```\n");
                assertFalse(plain.contains("hljs-"), name + ": " + plain);
                assertTrue(plain.contains("import os"), plain);
            }
        }
    }

    @Test
    void threadsThatNeedTheSameFormulaAtOnceRenderItOnce() throws Exception {
        String markdown = "Loss $\\sum_i (y_i - \\hat y_i)^2$.\n\n```python\nx = 1\n```\n";
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (MarkdownRenderer renderer = new MarkdownRenderer()) {
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<String>> pages = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                pages.add(pool.submit(() -> {
                    together.await();
                    return renderer.render(markdown);
                }));
            }
            Set<String> html = new HashSet<>();
            for (Future<String> page : pages) {
                html.add(page.get());
            }
            assertEquals(1, html.size(), "every thread got the same page");
            assertTrue(html.iterator().next().contains("class=\"katex\""));
            // the others waited for the first thread's result instead of each starting a context and rendering again
            assertEquals(2, renderer.scriptLoads(), "one context of KaTeX and one of highlight.js");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyThreadsShareAFewContexts() throws Exception {
        int threads = ScriptEngine.MAX_CONTEXTS + 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (MarkdownRenderer renderer = new MarkdownRenderer()) {
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<String>> pages = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String formula = "$x_{" + i + "}^2$";
                pages.add(pool.submit(() -> {
                    together.await();
                    return renderer.render("Formula " + formula);
                }));
            }
            for (Future<String> page : pages) {
                assertTrue(page.get().contains("class=\"katex\""));
            }
            // a context costs memory and a load; past one per rendering thread, threads wait for one to be free
            assertTrue(renderer.scriptLoads() <= ScriptEngine.MAX_CONTEXTS, renderer.scriptLoads() + " contexts");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRebuildWithNothingNewNeverStartsTheScriptEngine() throws IOException {
        Path cacheFile = tmp.resolve(".cache/render-cache.json");
        String markdown = "Loss $\\mathcal{L} = -\\log p$.\n\n```python\nx = 1\n```\n";
        RenderCache first = new RenderCache(cacheFile);
        String before;
        try (MarkdownRenderer renderer = new MarkdownRenderer(first)) {
            before = renderer.render(markdown);
            assertEquals(2, renderer.scriptLoads(), "KaTeX and highlight.js loaded");
        }
        first.save();
        RenderCache second = new RenderCache(cacheFile);
        try (MarkdownRenderer renderer = new MarkdownRenderer(second)) {
            assertEquals(before, renderer.render(markdown));
            assertEquals(0, renderer.scriptLoads(), "everything came from the cache");
        }
        assertEquals(2, second.hits());
        assertEquals(0, second.misses());
    }
}
