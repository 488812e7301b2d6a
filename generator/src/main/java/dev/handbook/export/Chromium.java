package dev.handbook.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Headless Chromium, found on PATH or given, which prints the book ({@link DevToolsSession}). */
public final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    private final Path executable;

    public Chromium(Path executable) {
        this.executable = executable;
    }

    /** The given executable, or the first Chromium on PATH. */
    public static Optional<Chromium> find(Path given) {
        if (given != null) {
            return Files.isExecutable(given) ? Optional.of(new Chromium(given)) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(new Chromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    public Path executable() {
        return executable;
    }
}
