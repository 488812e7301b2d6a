package dev.handbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads examples from a spec file in the commonmark spec style: a fence of 32 backticks with "example" and an
 * info string, the input, a line holding a single ".", the expected output, and a closing fence. The nearest
 * "## " heading above names the example.
 */
public final class SpecReader {
    private static final String FENCE = "`".repeat(32);

    public record Example(String section, int number, String info, String input, String expected) {
        @Override
        public String toString() {
            return section + " #" + number;
        }
    }

    private SpecReader() {
    }

    public static List<Example> read(Path file) throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String section = "";
        int number = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                continue;
            }
            if (!line.startsWith(FENCE + " example")) {
                continue;
            }
            String info = line.substring((FENCE + " example").length()).strip();
            StringBuilder input = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            StringBuilder current = input;
            for (i++; i < lines.size() && !lines.get(i).equals(FENCE); i++) {
                if (lines.get(i).equals(".") && current == input) {
                    current = expected;
                    continue;
                }
                current.append(lines.get(i)).append('\n');
            }
            examples.add(new Example(section, ++number, info, input.toString(), expected.toString()));
        }
        return examples;
    }
}
