package dev.handbook.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.handbook.diag.Diagnostics;

import java.io.IOException;
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
        try {
            Raw raw = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Raw.class);
            if (raw == null) {
                return defaults();
            }
            List<CategoryConfig> categories = raw.categories() == null ? List.of()
                    : raw.categories().stream().filter(c -> c != null && c.name() != null && !c.name().isBlank()).toList();
            return new HandbookConfig(raw.title(), raw.description(), raw.repository(), raw.defaultCategory(),
                    categories);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            diagnostics.error(file.toString(), line, "cannot read handbook.yaml: " + e.getOriginalMessage(),
                    "fix the YAML; defaults are used meanwhile");
            return defaults();
        } catch (IOException e) {
            diagnostics.error(file.toString(), 0, "cannot read handbook.yaml: " + e.getMessage(), "");
            return defaults();
        }
    }
}
