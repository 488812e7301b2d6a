package dev.handbook.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LauncherTest {
    @Test
    void aSmallBuildRunsWithTheClientCompilerOnly() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx512m"),
                Launcher.jvmOptions(new String[]{"build"}, 200_000, false));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx512m"),
                Launcher.jvmOptions(new String[]{"check"}, 0, false));
    }

    @Test
    void longRunsKeepTheOptimizingCompilerAndASmallHandbookServesWithTheDefaultHeap() {
        assertEquals(List.of(), Launcher.jvmOptions(new String[]{"serve"}, 200_000, false));
        assertEquals(List.of("-Xmx3006m"), Launcher.jvmOptions(new String[]{"serve"}, 42_032_339, false));
    }

    @Test
    void aBuildGetsAHeapInProportionToItsSourcesUnlessTheUserChoseOne() {
        assertEquals(List.of("-Xmx3006m"), Launcher.jvmOptions(new String[]{"build"}, 42_032_339, false));
        assertEquals(List.of(), Launcher.jvmOptions(new String[]{"build"}, 42_032_339, true));
        assertEquals(List.of("-Xmx600m"), Launcher.jvmOptions(new String[]{"build"}, Launcher.LARGE_SOURCES, false));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx512m"),
                Launcher.jvmOptions(new String[]{"build"}, 4_027_000, false));
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), Launcher.jvmOptions(new String[]{"build"}, 4_027_000, true));
    }

    @Test
    void theContentDirectoryIsReadFromEitherSpelling() {
        assertEquals(Path.of("content"), Launcher.contentDir(new String[]{"build", "--out", "x"}));
        assertEquals(Path.of("/data/c"), Launcher.contentDir(new String[]{"build", "--content", "/data/c"}));
        assertEquals(Path.of("/data/c"), Launcher.contentDir(new String[]{"check", "--content=/data/c"}));
    }
}
