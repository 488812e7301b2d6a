package dev.handbook.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code java -jar handbook.jar ...} as README tells users to run it: the launcher and the JVM it starts. */
class JarLaunchIT {
    @TempDir
    Path tmp;

    private record Run(int exitCode, String output) {
    }

    private Run java(Path jar, String... args) throws IOException, InterruptedException {
        return java(List.of("-jar", jar.toString()), args);
    }

    private Run java(List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        return java(Path.of(System.getProperty("java.home")), jvmArgs, args);
    }

    private Run java(Path javaHome, List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        command.addAll(jvmArgs);
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
    void onlyABuildWritesTheArchiveAndItHoldsTheScriptEngineEvenWhenEveryFormulaWasCached() throws Exception {
        Path jar = freshJar();
        Run version = java(jar, "--version");
        assertEquals(0, version.exitCode(), version.output());
        assertEquals(List.of(), archives(jar), "--version leaves no archive: it loads few of a build's classes");

        // a build in the launcher's own JVM fills the render cache, so the first archived build runs no script
        Path out = tmp.resolve("site");
        Run direct = java(List.of("-Dhandbook.launch=direct", "-jar", jar.toString()), "build", "--out",
                out.toString(), "--no-pdf");
        assertEquals(0, direct.exitCode(), direct.output());
        assertEquals(List.of(), archives(jar), "a JVM started without the launcher writes no archive");
        Files.delete(tmp.resolve(".cache/build-fingerprint"));
        Run first = java(jar, "build", "--out", out.toString(), "--no-pdf");
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(1, archives(jar).size(), first.output());

        // a build that meets formulas not in its cache takes the script engine's classes from the archive
        Path archive = jar.resolveSibling(archives(jar).get(0));
        Run cold = java(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info",
                "-Dhandbook.launch=direct", "-cp", jar.toString(), Launcher.class.getName()),
                "build", "--out", tmp.resolve("cold/site").toString(), "--no-pdf");
        assertEquals(0, cold.exitCode(), cold.output().lines().filter(l -> !l.contains("class,load"))
                .collect(java.util.stream.Collectors.joining("\n")));
        assertTrue(cold.output().contains("org.graalvm.polyglot.Context source: shared objects file"),
                "GraalJS comes from the archive");
    }

    @Test
    void aKilledLauncherTakesItsServerWithIt() throws Exception {
        Path jar = freshJar();
        Path content = Files.createDirectories(tmp.resolve("content/sources")).getParent();
        Files.writeString(content.resolve("sources/notes.md"), "## What is a tensor?\nAn array.\n");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--content", content.toString(), "--out",
                tmp.resolve("served").toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile()).start();
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.URI version = java.net.URI.create("http://127.0.0.1:" + port + "/__handbook/version");
            long deadline = System.currentTimeMillis() + 60_000;
            boolean up = false;
            while (!up && System.currentTimeMillis() < deadline) {
                try {
                    up = client.send(java.net.http.HttpRequest.newBuilder(version).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertTrue(up, Files.readString(tmp.resolve("serve.log")));
            List<ProcessHandle> children = launcher.children().toList();
            assertEquals(1, children.size(), "the launcher runs one JVM");
            launcher.destroyForcibly().waitFor();
            children.get(0).onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(children.get(0).isAlive(), "the server stopped with its launcher");
        } finally {
            launcher.destroyForcibly();
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A JDK under /usr/lib/jvm of Java 22 or later (a machine of CI's kind has Temurin 25), if there is one. */
    private static Optional<Path> newerJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                    Matcher m = version.matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) >= 22) {
                        return Optional.of(home);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void aNewerJavaBuildsTheSameHandbookWithoutWarningsAndBothJdksKeepTheirArchives() throws Exception {
        Optional<Path> newer = newerJava();
        assumeTrue(newer.isPresent(), "no JDK of Java 22 or later under /usr/lib/jvm");
        Path jar = freshJar();
        Path out = tmp.resolve("this-java/site");
        Path newerOut = tmp.resolve("newer-java/site");
        Run first = java(jar, "build", "--out", out.toString(), "--no-pdf");
        assertEquals(0, first.exitCode(), first.output());
        Run newerRun = java(newer.get(), List.of("-jar", jar.toString()), "build", "--out", newerOut.toString(),
                "--no-pdf");
        assertEquals(0, newerRun.exitCode(), newerRun.output());
        assertFalse(newerRun.output().contains("WARNING"), "the JDK warns of nothing: " + newerRun.output());
        Map<String, byte[]> built = files(out);
        Map<String, byte[]> builtByNewer = files(newerOut);
        assertEquals(built.keySet(), builtByNewer.keySet());
        for (String name : built.keySet()) {
            assertArrayEquals(built.get(name), builtByNewer.get(name), name + " is the same, formulas included");
        }
        assertEquals(2, archives(jar).size(), "each JDK keeps its own archive: " + archives(jar));

        Files.delete(tmp.resolve("this-java/.cache/build-fingerprint"));
        Run again = java(jar, "build", "--out", out.toString(), "--no-pdf");
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(2, archives(jar).size(), "neither JDK's archive was removed: " + archives(jar));
    }

    @Test
    void theExitCodeAndOutputOfTheBuildReachTheCaller() throws Exception {
        Path jar = freshJar();
        Run usage = java(jar, "build", "--no-such-option");
        assertEquals(2, usage.exitCode(), usage.output());
        assertTrue(usage.output().contains("--no-such-option"), usage.output());
    }
}
