package dev.handbook.topic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.handbook.diag.Diagnostics;
import dev.handbook.source.YamlFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A maintainer's corrections from {@code content/curation.yaml}. Items are named {@code source#ordinal} (as
 * {@code check} and the manifest show them), topics by slug.
 *
 * <pre>
 * merge:                       # these items ask the same question
 *   - [ml-article#7, ml-article#8]
 * split: [outcome-school#9]    # this item is a question of its own
 * rename:                      # a topic's title
 *   overfitting-and-how-can-you-avoid-it: What is overfitting, and how can you avoid it?
 * category:                    # a topic's category
 *   bias: Deep Learning
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Curation(List<List<String>> merge, List<String> split, Map<String, String> rename,
                       Map<String, String> category, String file) {
    public Curation {
        merge = merge == null ? List.of() : merge.stream().map(List::copyOf).toList();
        split = split == null ? List.of() : List.copyOf(split);
        rename = rename == null ? Map.of() : Map.copyOf(rename);
        category = category == null ? Map.of() : Map.copyOf(category);
        file = file == null ? "content/curation.yaml" : file;
    }

    public static Curation none() {
        return new Curation(null, null, null, null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Raw(List<List<String>> merge, List<String> split, Map<String, String> rename,
                       Map<String, String> category) {
    }

    public static Curation load(Path contentDir, Diagnostics diagnostics) {
        Path path = contentDir.resolve("curation.yaml");
        return YamlFile.read(path, Raw.class, diagnostics, "the handbook is built without curation meanwhile")
                .map(raw -> new Curation(raw.merge(), raw.split(), raw.rename(), raw.category(), path.toString()))
                .orElseGet(Curation::none);
    }

    /** The 1-based line of {@code text} in the curation file, for diagnostics (0 when unknown). */
    int lineOf(String text) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
