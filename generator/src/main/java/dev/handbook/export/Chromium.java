package dev.handbook.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Headless Chromium, found on PATH or given, used to print pages to PDF. Each run gets a fresh profile. */
public final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    private static final long TIMEOUT_SECONDS = 180;

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

    /** Prints {@code page} to {@code pdf} without Chromium's own header and footer. */
    public void printToPdf(Path page, Path pdf) throws IOException {
        Path profile = Files.createTempDirectory("handbook-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer", "--virtual-time-budget=10000",
                    "--print-to-pdf=" + pdf.toAbsolutePath(), page.toAbsolutePath().toUri().toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Chromium did not finish printing " + page + " in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                throw new IOException("Chromium failed to print " + page + " (exit " + process.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while printing " + page, e);
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
