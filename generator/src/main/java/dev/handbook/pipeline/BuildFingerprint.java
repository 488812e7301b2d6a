package dev.handbook.pipeline;

import dev.handbook.memo.Hashes;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a build was made from (every file under content/ and theme/, the options, the generator itself) and what it
 * left (the output's file list and sizes). When both match the last build's, the output is already what a build
 * would write — builds are deterministic — and the build is skipped.
 */
final class BuildFingerprint {
    private BuildFingerprint() {
    }

    static String inputs(BuildOptions options, boolean chromium) throws IOException {
        MessageDigest digest = Hashes.sha256();
        for (Path dir : List.of(options.contentDir(), options.themeDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(f));
                }
            }
        }
        String settings = String.join("|", options.siteUrl(), String.valueOf(options.pdf() && chromium),
                options.paper(), String.valueOf(System.getenv("SOURCE_DATE_EPOCH")), Pipeline.GENERATOR, generatorCode());
        digest.update(settings.getBytes(StandardCharsets.UTF_8));
        return Hashes.hex(digest);
    }

    /** The generator's own code: a rebuilt jar is a new generator. */
    private static String generatorCode() {
        try {
            Path code = Path.of(BuildFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis()
                    : "classes@" + System.nanoTime(); // running from classes (tests, IDE): never skip
        } catch (IOException | URISyntaxException | SecurityException e) {
            return "unknown@" + System.nanoTime();
        }
    }

    static String outputs(Path outDir) throws IOException {
        return written(outDir).fingerprint();
    }

    /** What a build left: the fingerprint of its files (paths and sizes) and how many HTML pages it holds. */
    record Written(String fingerprint, int pages) {
    }

    /** Reads the output once: each file's size comes with the walk, not from asking for it again. */
    static Written written(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return new Written("", 0);
        }
        TreeMap<Path, Long> sizes = new TreeMap<>();
        Files.walkFileTree(outDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    sizes.put(file, attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        MessageDigest digest = Hashes.sha256();
        int pages = 0;
        for (Map.Entry<Path, Long> f : sizes.entrySet()) {
            String line = outDir.relativize(f.getKey()) + ":" + f.getValue() + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            if (f.getKey().getFileName().toString().endsWith(".html")) {
                pages++;
            }
        }
        return new Written(Hashes.hex(digest), pages);
    }
}
