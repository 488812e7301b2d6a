package dev.handbook.pipeline;

import dev.handbook.Trees;
import dev.handbook.diag.Diagnostic;
import dev.handbook.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build whose pages link to a file the site lacks fails, naming the page and the link, and writes nothing. */
class BrokenLinkBuildTest {
    @TempDir
    Path tmp;

    @Test
    void aTemplateLinkingToAMissingPageFailsTheBuildAndLeavesThePreviousSite() throws IOException {
        Path content = Trees.oneSource(tmp.resolve("content"), "questions.md", """
                # Questions

                ## What is overfitting?
                A model that learns the noise of its training data.

                ## What is a confusion matrix?
                A table of predicted against actual classes.
                """);
        Path theme = tmp.resolve("theme");
        Trees.copy(Path.of("theme"), theme);
        Path topicTemplate = theme.resolve("templates/topic.peb");
        String template = Files.readString(topicTemplate);
        int end = template.lastIndexOf("{% endblock %}");
        Files.writeString(topicTemplate, template.substring(0, end)
                + "<a href=\"{{ root }}no-such-page.html\">gone</a>\n" + template.substring(end));
        Path out = tmp.resolve("site");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "the previous site");

        Diagnostics diagnostics = new Diagnostics();
        IOException failure = assertThrows(IOException.class,
                () -> new Pipeline(diagnostics).build(new BuildOptions(content, theme, out, "")));

        assertTrue(failure.getMessage().contains("broken link"), failure.getMessage());
        List<Diagnostic> errors = diagnostics.all().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        assertEquals(2, errors.size(), errors.toString());
        for (Diagnostic error : errors) {
            assertTrue(error.file().startsWith("topics/") && error.file().endsWith(".html"), error.toString());
            assertTrue(error.message().contains("../no-such-page.html"), error.toString());
        }
        assertEquals("the previous site", Files.readString(out.resolve("index.html")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("content", "site", "theme"),
                    left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList());
        }
    }
}
