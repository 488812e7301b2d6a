package dev.handbook.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees on disk: the site removes pages of topics gone, the build its staging and old trees. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code tree} (a file or a directory with all it holds), deepest first; nothing when it is absent. */
    public static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
