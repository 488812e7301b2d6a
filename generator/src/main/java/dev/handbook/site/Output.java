package dev.handbook.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** One way of publishing the handbook: the web site, the PDF, the offline bundle. */
public interface Output {
    String name();

    /** Writes this output for {@code model} under {@code outDir}, which exists and is otherwise being built. */
    void write(SiteModel model, Path outDir) throws IOException;

    /** How long the parts of the last {@link #write} took, in milliseconds, for the build summary. */
    default Map<String, Long> partMillis() {
        return Map.of();
    }
}
