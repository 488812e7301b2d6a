package dev.handbook.site;

import java.io.IOException;
import java.nio.file.Path;

/** One way of publishing the handbook (the web site; later the offline bundle and the PDF). */
public interface Output {
    String name();

    /** Writes this output for {@code model} under {@code outDir}, which exists and is otherwise being built. */
    void write(SiteModel model, Path outDir) throws IOException;
}
