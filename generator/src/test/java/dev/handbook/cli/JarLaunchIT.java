package dev.handbook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar handbook.jar ...} as README tells users to run it: the launcher and the JVM it starts. */
class JarLaunchIT {
    @TempDir
    Path tmp;

    private record Run(int exitCode, String output) {
    }

    private Run java(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** A copy of the packaged jar in a fresh directory, so its class-data archive starts out absent. */
    private Path freshJar() throws IOException {
        Path jar = Files.copy(Path.of(System.getProperty("handbook.jar")), Files.createDirectories(
                tmp.resolve("install")).resolve("handbook.jar"));
        return jar;
    }

    private List<String> archives(Path jar) throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa")).toList();
        }
    }

    @Test
    void buildsTheHandbookAndKeepsAClassDataArchiveForTheNextRun() throws Exception {
        Path jar = freshJar();
        Path out = tmp.resolve("site");
        Run first = java(jar, "build", "--out", out.toString(), "--no-pdf");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("347 topics"), first.output());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertEquals(1, archives(jar).size(), "the first run leaves an archive beside the jar");
        assertFalse(first.output().contains("[warning]"), "the JVM's archive messages are not shown");

        Files.delete(tmp.resolve(".cache/build-fingerprint"));
        Run second = java(jar, "build", "--out", out.toString(), "--no-pdf");
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(1, archives(jar).size());
    }

    @Test
    void theExitCodeAndOutputOfTheBuildReachTheCaller() throws Exception {
        Path jar = freshJar();
        Run usage = java(jar, "build", "--no-such-option");
        assertEquals(2, usage.exitCode(), usage.output());
        assertTrue(usage.output().contains("--no-such-option"), usage.output());
    }
}
