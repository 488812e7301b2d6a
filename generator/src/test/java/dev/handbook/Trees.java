package dev.handbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the project's content/ or theme/ for tests that change them, and small content trees of their own. */
public final class Trees {
    private Trees() {
    }

    /** Copies the tree at {@code from} to {@code to}, directories and files. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** A content directory at {@code content} holding one source, {@code sources/<name>}; returns {@code content}. */
    public static Path oneSource(Path content, String name, String text) throws IOException {
        Files.writeString(Files.createDirectories(content.resolve("sources")).resolve(name), text);
        return content;
    }
}
