package dev.handbook.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.handbook.diag.Diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one of the content YAML files into a record. A missing file is empty; a broken one is an error naming
 * the file and line, with what the build does meanwhile, and is empty too: the build goes on.
 */
public final class YamlFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFile() {
    }

    /**
     * @param meanwhile what the build does without the file, e.g. "defaults are used meanwhile"
     */
    public static <T> Optional<T> read(Path file, Class<T> type, Diagnostics diagnostics, String meanwhile) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        try {
            return Optional.ofNullable(YAML.readValue(file.toFile(), type));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            diagnostics.error(file.toString(), line, "cannot read " + name + ": " + e.getOriginalMessage(),
                    "fix the YAML; " + meanwhile);
        } catch (IOException e) {
            diagnostics.error(file.toString(), 0, "cannot read " + name + ": " + e.getMessage(), meanwhile);
        }
        return Optional.empty();
    }
}
