package dev.handbook.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A category of the taxonomy in {@code content/handbook.yaml}: its name, aliases a source heading may use, keywords. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryConfig(String name, List<String> aliases, List<String> keywords) {
    public CategoryConfig {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
