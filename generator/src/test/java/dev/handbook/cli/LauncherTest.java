package dev.handbook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {
    private static final String C1 = "-XX:TieredStopAtLevel=1";
    private static final String INLINE = "-XX:C1MaxInlineSize=22";
    private static final String PARALLEL = "-XX:+UseParallelGC";
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final String TENURE_EARLY = "-XX:MaxTenuringThreshold=1";

    private static List<String> options(String command, long sourceBytes, List<String> own, boolean hugePages) {
        return Launcher.jvmOptions(new String[]{command}, sourceBytes, own, hugePages, 1);
    }

    @Test
    void aSmallBuildOnSeveralProcessorsGetsAPoolWorkerForEachUnlessTheUserSizedThePool() {
        String pool = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=";
        assertEquals(List.of(C1, INLINE, "-Xmx512m", PARALLEL, TENURE_EARLY, pool + "2"),
                Launcher.jvmOptions(new String[]{"build"}, 200_000, List.of(), false, 2));
        assertEquals(List.of("-Xmx3006m", PARALLEL),
                Launcher.jvmOptions(new String[]{"build"}, 42_032_339, List.of(), false, 8));
        assertEquals(List.of(C1, INLINE, "-Xmx512m", PARALLEL, TENURE_EARLY),
                Launcher.jvmOptions(new String[]{"build"}, 200_000, List.of(pool + "3"), false, 2));
        assertEquals(List.of(C1), Launcher.jvmOptions(new String[]{"serve"}, 200_000, List.of(), false, 2));
    }

    @Test
    void aSmallBuildRunsWithTheClientCompilerOnlyASmallHeapAndTheThroughputCollectorTenuringEarly() {
        assertEquals(List.of(C1, INLINE, "-Xmx512m", PARALLEL, TENURE_EARLY), options("build", 200_000, List.of(), false));
        assertEquals(List.of(C1, INLINE, "-Xmx512m", PARALLEL, TENURE_EARLY), options("check", 0, List.of(), false));
    }

    @Test
    void onlyASmallHandbooksBuildInlinesLessWhereTypesettingDominates() {
        assertTrue(options("build", 200_000, List.of(), false).contains(INLINE));
        assertFalse(options("build", 4_027_000, List.of(), false).contains(INLINE));
        assertFalse(options("serve", 200_000, List.of(), false).contains(INLINE));
    }

    @Test
    void anInliningLimitTheUserChoseIsKept() {
        assertEquals(List.of(C1, "-Xmx512m", PARALLEL, TENURE_EARLY),
                options("build", 200_000, List.of("-XX:C1MaxInlineSize=35"), false));
    }

    @Test
    void aTenuringThresholdTheUserChoseIsKept() {
        assertEquals(List.of(C1, INLINE, "-Xmx512m", PARALLEL),
                options("build", 200_000, List.of("-XX:MaxTenuringThreshold=4"), false));
    }

    @Test
    void hugePagesAreAskedForOnlyWhereTheSystemOffersThem() {
        assertEquals(List.of(C1, INLINE, "-Xmx512m", PARALLEL, TENURE_EARLY, HUGE_PAGES),
                options("build", 200_000, List.of(), true));
    }

    @Test
    void aSmallHandbookServesOnTheClientCompilerAndALargeOneKeepsTheOptimizingCompiler() {
        assertEquals(List.of(C1), options("serve", 200_000, List.of(), true));
        assertEquals(List.of("-Xmx3006m"), options("serve", 42_032_339, List.of(), true));
    }

    @Test
    void aBuildGetsAHeapInProportionToItsSourcesUnlessTheUserChoseOne() {
        assertEquals(List.of("-Xmx3006m", PARALLEL), options("build", 42_032_339, List.of(), false));
        assertEquals(List.of(PARALLEL), options("build", 42_032_339, List.of("-Xmx8g"), false));
        assertEquals(List.of("-Xmx600m", PARALLEL), options("build", Launcher.LARGE_SOURCES, List.of(), false));
        assertEquals(List.of(C1, "-Xmx512m", PARALLEL, TENURE_EARLY), options("build", 4_027_000, List.of(), false));
        assertEquals(List.of(C1, PARALLEL, TENURE_EARLY),
                options("build", 4_027_000, List.of("-XX:MaxRAMPercentage=50"), false));
    }

    @Test
    void aCollectorTheUserChoseIsKept() {
        // two collectors on one command line would stop the JVM from starting
        assertEquals(List.of(C1, INLINE, "-Xmx512m"), options("build", 200_000, List.of("-XX:+UseG1GC"), false));
        assertEquals(List.of(C1, INLINE, "-Xmx512m"), options("build", 200_000, List.of("-XX:+UseZGC"), false));
    }

    @Test
    void onlyABuildWritesTheClassDataArchive() {
        assertTrue(Launcher.makesArchive(new String[]{"build"}));
        assertTrue(Launcher.makesArchive(new String[]{"build", "--out", "x", "--no-pdf"}));
        assertFalse(Launcher.makesArchive(new String[]{}));
        assertFalse(Launcher.makesArchive(new String[]{"--version"}));
        assertFalse(Launcher.makesArchive(new String[]{"build", "--help"}));
        assertFalse(Launcher.makesArchive(new String[]{"check"}));
        assertFalse(Launcher.makesArchive(new String[]{"serve", "--port", "8000"}));
    }

    @Test
    void theContentDirectoryIsReadFromEitherSpelling() {
        assertEquals(Path.of("content"), Launcher.contentDir(new String[]{"build", "--out", "x"}));
        assertEquals(Path.of("/data/c"), Launcher.contentDir(new String[]{"build", "--content", "/data/c"}));
        assertEquals(Path.of("/data/c"), Launcher.contentDir(new String[]{"check", "--content=/data/c"}));
    }

    @Test
    void eachJvmKeepsItsOwnArchiveOfTheJarAndOnlyArchivesOfEarlierJarsAreRemoved(@TempDir Path dir)
            throws IOException {
        Path jar = Files.write(dir.resolve("handbook.jar"), new byte[]{1, 2, 3});
        Path forJava17 = Launcher.archive(jar, "17.0.15+6");
        Path forJava21 = Launcher.archive(jar, "21.0.9+10");
        assertNotEquals(forJava17, forJava21, "two JDKs do not share an archive");
        Files.writeString(forJava21, "the other JDK's, for the jar before it was rebuilt");
        Path otherJar = Files.writeString(dir.resolve("handbook-all-1f-2e.jsa"), "another jar's");
        Path legacy = Files.writeString(dir.resolve("handbook-1c3e5a7d4a3bd95f.jsa"), "an earlier version's name");
        Path dumped = Files.writeString(dir.resolve(forJava17.getFileName() + ".123"), "new");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Path beforeRebuild = Launcher.archive(jar, "17.0.15+6");
        Files.writeString(beforeRebuild, "this JVM's, for the jar before it was rebuilt");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        forJava17 = Launcher.archive(jar, "17.0.15+6");
        Path forJava21Now = Launcher.archive(jar, "21.0.9+10");
        Files.writeString(forJava21Now, "the other JDK's, for this jar");

        Launcher.keepArchive(dumped, forJava17, jar);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("handbook-all-1f-2e.jsa", "handbook.jar", forJava17.getFileName().toString(),
                            forJava21Now.getFileName().toString()).stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("new", Files.readString(forJava17));
        assertTrue(Files.exists(otherJar));
        assertFalse(Files.exists(legacy) || Files.exists(beforeRebuild) || Files.exists(forJava21));
    }

    @Test
    void aNewerJavaGrantsTheScriptEngineWhatItWouldOtherwiseWarnAbout() {
        assertEquals(List.of(), Launcher.accessOptions(17));
        assertEquals(List.of(), Launcher.accessOptions(21));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED"), Launcher.accessOptions(22));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"),
                Launcher.accessOptions(25));
    }
}
