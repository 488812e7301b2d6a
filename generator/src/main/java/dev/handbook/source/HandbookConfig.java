package dev.handbook.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.handbook.diag.Diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Site settings from {@code content/handbook.yaml}: title, description, repository, and the category taxonomy in
 * display order. A missing or broken file gives a warning and defaults, never a failed build.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HandbookConfig(String title, String description, String repository, String defaultCategory,
                             List<CategoryConfig> categories) {
    private static final String FALLBACK_CATEGORY = "General";

    public HandbookConfig {
        title = title == null || title.isBlank() ? "Interview Handbook" : title;
        description = description == null ? "" : description;
        repository = repository == null ? "" : repository;
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (defaultCategory == null || defaultCategory.isBlank()) {
            defaultCategory = categories.isEmpty() ? FALLBACK_CATEGORY : categories.get(0).name();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Raw(String title, String description, String repository,
                       @com.fasterxml.jackson.annotation.JsonProperty("default") String defaultCategory,
                       List<CategoryConfig> categories) {
    }

    public static HandbookConfig defaults() {
        return new HandbookConfig(null, null, null, null, null);
    }

    public static HandbookConfig load(Path contentDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve("handbook.yaml");
        if (!Files.exists(file)) {
            diagnostics.warn(file.toString(), 0, "no handbook.yaml, using defaults", "add content/handbook.yaml");
            return defaults();
        }
        return YamlFile.read(file, Raw.class, diagnostics, "defaults are used meanwhile").map(raw -> {
            List<CategoryConfig> categories = raw.categories() == null ? List.<CategoryConfig>of()
                    : raw.categories().stream().filter(c -> c != null && c.name() != null && !c.name().isBlank())
                    .toList();
            return new HandbookConfig(raw.title(), raw.description(), raw.repository(), raw.defaultCategory(),
                    categories);
        }).orElseGet(HandbookConfig::defaults);
    }
}
