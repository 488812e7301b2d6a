package dev.handbook.clean;

import dev.handbook.SpecReader;
import dev.handbook.extract.Item;
import dev.handbook.extract.LineRange;
import dev.handbook.source.SourceDocument;
import dev.handbook.source.SourceFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every example in {@code spec/clean.md}: an extracted answer in, the Markdown a reader gets out. */
class CleanSpecTest {

    static List<SpecReader.Example> examples() throws IOException {
        return SpecReader.read(Path.of("generator/src/test/resources/spec/clean.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void cleansAsSpecified(SpecReader.Example example) {
        String[] info = example.info().split(" ", 2);
        SourceFormat format = info[0].equals("text") ? SourceFormat.TEXT : SourceFormat.MARKDOWN;
        String question = info.length > 1 ? info[1] : "Question?";
        String body = example.input().stripTrailing();
        SourceDocument doc = new SourceDocument("spec", "spec.md", "Spec", "", "", "", "", "", format,
                List.of(body.split("\n", -1)));
        Item item = new Item("spec", 1, question, body, format, new LineRange(1, 1), "", "", List.of(), List.of());
        CleanResult result = new AnswerCleaner().clean(doc, List.of(item));
        assertEquals(example.expected().stripTrailing(), result.items().get(0).body());
    }
}
