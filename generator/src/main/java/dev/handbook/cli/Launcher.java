package dev.handbook.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jar's entry point: runs {@link Main} in a second JVM started with the options a short build wants, since a
 * jar cannot carry JVM options and {@code java -jar handbook.jar build} is what users type.
 *
 * <p>Measured on the seed handbook (2 cores): the client compiler alone ({@code -XX:TieredStopAtLevel=1}) halves
 * the CPU a cold build spends (C2 compiling the script engine's interpreter for a run that ends in seconds), and an
 * application class-data archive saves another ~0.5 s of class loading. The archive is made by the first run
 * ({@code -XX:ArchiveClassesAtExit}) beside the jar and named after the jar's size and date and the JVM's version,
 * so a rebuilt jar or another JDK gets a new one. For a small handbook ({@link #SMALL_SOURCES}) the client compiler
 * inlines methods of up to 22 bytes of bytecode instead of 35: it was busy for a third of a cold build's CPU, much
 * of it inlining the script engine's many small node methods; with the smaller limit the seed handbook's cold build
 * took 3.84 s instead of 4.02 s (medians of 8 alternating runs; lower in every pair). At 10,000 questions, whose
 * formulas come from the cache, the code compiled matters more than compiling it: 5.99 s against 5.89 s with the
 * default. C2 pays off on long runs: handbooks whose sources pass {@link #LARGE_SOURCES} bytes (at 10,000
 * questions, 4 MB, C1 alone was still 15 % faster) keep the default compilers; {@code serve} of a smaller one starts
 * sooner on C1 alone and answers edits as fast. Builds get a heap sized to their sources, the throughput collector
 * and huge pages (see {@link #jvmOptions}).
 *
 * <p>This JVM loads only this class, and waits for the other with its output inherited; its own JVM options are
 * passed on. {@code -Dhandbook.launch=direct} runs in this JVM instead; so does anything not started from a jar.
 */
public final class Launcher {
    static final long LARGE_SOURCES = 8L << 20;
    /** Below this many bytes of sources, typesetting dominates a cold build, and the client compiler inlines less. */
    static final long SMALL_SOURCES = 1L << 20;
    static final long HEAP_PER_SOURCE_BYTE = 75;
    static final long MIN_HEAP_MB = 512;
    private static final String LAUNCH = "handbook.launch";
    private static final String COMMON_POOL_SIZE = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** Set in the JVM whose classes become the jar's class-data archive when it exits. */
    static final String ARCHIVING = "handbook.archiving";

    private Launcher() {
    }

    public static void main(String[] args) {
        String launch = System.getProperty(LAUNCH, "");
        if (launch.equals("child")) {
            // started by a launcher: never outlive it (a killed launcher must not leave a server running)
            ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(130)));
        }
        Optional<Path> jar = jar();
        if (jar.isEmpty() || launch.equals("direct") || launch.equals("child")) {
            Main.main(args);
            return;
        }
        System.exit(relaunch(jar.get(), args));
    }

    private static int relaunch(Path jar, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> own = ownJvmOptions();
        command.addAll(own);
        command.addAll(jvmOptions(args, sourceBytes(contentDir(args)), own, hugePagesOffered(),
                Runtime.getRuntime().availableProcessors()));
        command.addAll(accessOptions(Runtime.version().feature()));
        Path archive = archive(jar, System.getProperty("java.vm.version", ""));
        Path newArchive = null;
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else if (makesArchive(args) && Files.isWritable(jar.getParent())) {
            newArchive = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
            command.add("-XX:ArchiveClassesAtExit=" + newArchive);
            command.add("-D" + ARCHIVING + "=true");
        }
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-D" + LAUNCH + "=child");
        command.add("-cp");
        command.add(jar.toString());
        command.add(Launcher.class.getName());
        command.addAll(Arrays.asList(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread() {
                @Override
                public void run() {
                    child.destroy();
                }
            };
            Runtime.getRuntime().addShutdownHook(stop);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            if (newArchive != null && code == 0) {
                keepArchive(newArchive, archive, jar);
            } else if (newArchive != null) {
                // a failed build may have stopped before loading what builds load: the next one makes the archive
                newArchive.toFile().delete();
            }
            return code;
        } catch (IOException e) {
            // no second JVM (a restricted system): build in this one, just without the tuning
            return Main.run(args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The options for the build's JVM, given its command line, the size of the sources it reads, the JVM options the
     * user gave (a heap size or a collector of theirs wins), whether the system offers transparent huge pages, and
     * how many processors it has.
     *
     * <p>A build gets a heap in proportion to its sources, never below {@link #MIN_HEAP_MB}: left to itself, the
     * JVM sizes the heap after the machine's memory and touches far more of it than the build needs. At 10,000
     * questions (4 MB of sources, about 60 MB live after a collection) G1 grew past 1.5 GB, and the kernel's work
     * of handing it those pages made the build a fifth slower than with a 600 MB heap; at 100,000 questions (42 MB)
     * it grew to 5 GB whose data never passed 1.9 GB after a collection, while 75 bytes of heap per byte of source
     * (3.1 GB there) was as fast and stayed under 3.4 GB. A build is a batch job, so it runs with the throughput
     * collector, and its heap on huge pages where the system offers them (asked for with madvise): together
     * 6 % faster at 10,000 questions and 15 % on the seed handbook, mostly fewer page faults. What outlives one
     * young collection of a small build mostly lives to its end (items, topics, the site's data), so it goes to the
     * old generation at the next collection instead of being copied between survivor spaces up to seven times (the
     * collector's default): at 10,000 questions the collector's pauses went from 500-715 ms to 410-465 ms a build
     * (8 runs each), and the seed handbook's stayed the same. At 100,000 questions the old generation filled sooner
     * and its full collections cost more than that saved (7.2 s of pauses against 5.8 s), so large builds keep the
     * default. A tenuring threshold of the user's own wins, like their heap and collector.
     *
     * <p>The common fork-join pool gets a worker per processor instead of one fewer. The default counts on the
     * thread that starts a parallel stream to work beside the pool, but that thread only helps with its own stream:
     * when a stream runs inside another (sources read in parallel, each cleaning its answers in parallel), it waits
     * while the last source is cleaned on one core. At 10,000 questions the analysis ended 40-200 ms sooner and the
     * pages 65-185 ms sooner (3 alternating pairs); the seed handbook did not change. At 100,000 questions, where
     * the optimizing compiler's threads run too, it cost more CPU than it saved (69 s against 62 s, one pair), so
     * large builds keep the default. A pool size of the user's own wins.
     *
     * <p>{@code serve} of a small handbook runs on the client compiler alone too, and otherwise keeps the JVM's
     * defaults: it lives long and remembers its builds. With the optimizing compiler as well, the seed handbook was
     * served after 10.2-12.9 s instead of 5.8-7.9 s (the optimizing compiler busy with the script engine's
     * interpreter through the first build), and an edit reached the open page in a median 0.60 s against 0.56 s
     * (edits 2 to 6 after the start, 7 alternating runs); twenty edits on, both took 0.4-0.5 s.
     */
    static List<String> jvmOptions(String[] args, long sourceBytes, List<String> own, boolean hugePages,
                                   int processors) {
        boolean longRun = args.length > 0 && args[0].equals("serve");
        boolean large = sourceBytes >= LARGE_SOURCES;
        // plain loops: the first lambda or stream costs a cold JVM tens of milliseconds, and every build waits for
        // this one to start the next
        boolean heapChosen = false;
        boolean collectorChosen = false;
        boolean tenuringChosen = false;
        boolean poolChosen = false;
        boolean inliningChosen = false;
        for (String option : own) {
            heapChosen |= option.startsWith("-Xmx") || option.contains("MaxRAM");
            collectorChosen |= option.matches("-XX:[+-]Use\\w+GC");
            tenuringChosen |= option.contains("TenuringThreshold");
            poolChosen |= option.startsWith("-D" + COMMON_POOL_SIZE + "=");
            inliningChosen |= option.startsWith("-XX:C1MaxInline");
        }
        List<String> options = new ArrayList<>();
        if (!large) {
            options.add("-XX:TieredStopAtLevel=1");
            if (!longRun && !inliningChosen && sourceBytes < SMALL_SOURCES) {
                options.add("-XX:C1MaxInlineSize=22");
            }
        }
        if (!heapChosen && (!longRun || large)) {
            options.add("-Xmx" + Math.max(MIN_HEAP_MB, HEAP_PER_SOURCE_BYTE * sourceBytes >> 20) + "m");
        }
        if (!longRun) {
            if (!collectorChosen) {
                options.add("-XX:+UseParallelGC");
                if (!large && !tenuringChosen) {
                    options.add("-XX:MaxTenuringThreshold=1");
                }
            }
            if (hugePages) {
                options.add("-XX:+UseTransparentHugePages");
            }
            if (!large && processors > 1 && !poolChosen) {
                options.add("-D" + COMMON_POOL_SIZE + "=" + processors);
            }
        }
        return options;
    }

    /**
     * What GraalJS needs of a newer JDK, granted so that no build prints the JDK's warnings about it: it loads a
     * native library, which Java 24 on warns of (and means to refuse) unless native access is granted, as it can be
     * from Java 22; and it reads fields through {@code sun.misc.Unsafe}, which Java 24 on warns of unless allowed,
     * as it can be from Java 23. Java 17 to 21 need neither.
     */
    static List<String> accessOptions(int javaFeature) {
        List<String> options = new ArrayList<>();
        if (javaFeature >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (javaFeature >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** Whether the kernel gives huge pages to memory that asks for them ("always" or "madvise"). */
    private static boolean hugePagesOffered() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The content directory a command line names ({@code --content DIR}, default {@code content}). */
    static Path contentDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--content") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--content=")) {
                return Path.of(args[i].substring("--content=".length()));
            }
        }
        return Path.of("content");
    }

    private static long sourceBytes(Path contentDir) {
        long[] total = {0};
        try {
            Files.walkFileTree(contentDir.resolve("sources"), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return total[0];
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Whether this command's JVM should write the jar's class-data archive: only a build, which loads what the
     * next builds load. An archive written by {@code --version}, {@code check} or {@code serve} would hold few of
     * the build's classes, and it is kept for as long as the jar.
     */
    static boolean makesArchive(String[] args) {
        List<String> all = Arrays.asList(args);
        return !all.isEmpty() && all.get(0).equals("build") && !all.contains("--help") && !all.contains("-h")
                && !all.contains("--version") && !all.contains("-V");
    }

    /** The JVM options this JVM was started with (those before {@code -jar}), such as a larger heap. */
    private static List<String> ownJvmOptions() {
        List<String> own = new ArrayList<>();
        for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
            if (arg.equals("-jar")) {
                break;
            }
            if (!arg.startsWith("-XX:SharedArchiveFile") && !arg.startsWith("-XX:ArchiveClassesAtExit")) {
                own.add(arg);
            }
        }
        return own;
    }

    /**
     * The archive for this jar and this JVM: {@code <jar>-<jar's size and date>-<JVM's version>.jsa}. An archive
     * serves only the jar and the JVM that made it, so another JDK makes its own beside it.
     */
    static Path archive(Path jar, String vmVersion) {
        return jar.resolveSibling(archivePrefix(jar) + "-" + Integer.toHexString(vmVersion.hashCode()) + ".jsa");
    }

    /** {@code <jar>-<jar's size and date>}: what the archives of this very jar, for any JVM, start with. */
    private static String archivePrefix(Path jar) {
        long stamp;
        try {
            stamp = Files.getLastModifiedTime(jar).toMillis() ^ Files.size(jar);
        } catch (IOException e) {
            stamp = 0;
        }
        return jarName(jar) + "-" + Long.toHexString(stamp);
    }

    /** The jar's file name without {@code .jar}: what its archives' names start with. */
    private static String jarName(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }

    /**
     * Moves a newly dumped archive into place, and removes the archives of earlier jars of this name. Those made for
     * this jar by other JVMs stay: with two JDKs taking turns, each would otherwise remove the other's and every
     * build would write one again (a cold build then took 10 s instead of 4).
     */
    static void keepArchive(Path dumped, Path archive, Path jar) {
        try {
            if (!Files.isRegularFile(dumped)) {
                return;
            }
            Pattern ofThisName = Pattern.compile(Pattern.quote(jarName(jar)) + "-[0-9a-f]+(-[0-9a-f]+)?\\.jsa");
            String current = archivePrefix(jar) + "-";
            try (Stream<Path> files = Files.list(archive.getParent())) {
                for (Path old : files.toList()) {
                    String name = old.getFileName().toString();
                    if (ofThisName.matcher(name).matches() && !name.startsWith(current)) {
                        Files.deleteIfExists(old);
                    }
                }
            }
            Files.move(dumped, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the next run tries again
        }
    }

    private static Optional<Path> jar() {
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") && Files.isRegularFile(location)
                    ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
