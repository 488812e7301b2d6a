package dev.handbook.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code serve}: builds, serves the output on 127.0.0.1, rebuilds when anything under content/ or theme/ changes,
 * and reloads open pages. Pages get one extra script, {@code /__handbook/reload.js} (same origin, so the pages'
 * CSP allows it), which waits on {@code /__handbook/version?after=N} (answered as soon as the version is no
 * longer N, or after {@link #LONG_POLL_SECONDS}) and reloads the moment a rebuild finished.
 * The served files are the real build output: nothing is rendered differently for the server.
 */
public final class DevServer implements AutoCloseable {
    static final String RELOAD_SCRIPT = """
            (function () {
              var seen = null;
              function ask() {
                var url = '/__handbook/version' + (seen === null ? '' : '?after=' + encodeURIComponent(seen));
                fetch(url, {cache: 'no-store'}).then(function (r) { return r.text(); })
                  .then(function (v) {
                    if (seen !== null && v !== seen) { location.reload(); return; }
                    seen = v;
                    ask();
                  })
                  .catch(function () { setTimeout(ask, 1000); /* server restarting */ });
              }
              ask();
            }());
            """;
    private static final Map<String, String> TYPES = Map.of(".html", "text/html; charset=utf-8",
            ".js", "text/javascript; charset=utf-8", ".css", "text/css; charset=utf-8", ".json",
            "application/json", ".xml", "application/xml", ".woff2", "font/woff2", ".woff", "font/woff", ".ttf",
            "font/ttf", ".pdf", "application/pdf", ".zip", "application/zip");

    private final BuildOptions options;
    private final PrintStream log;
    static final int LONG_POLL_SECONDS = 25;
    /** How long the files must be quiet after a change before rebuilding: an editor saves in a burst. */
    private static final long QUIET_MILLIS = 60;

    private final AtomicInteger version = new AtomicInteger();
    /** Kept from build to build, so a change re-renders only the topics it touches. */
    private final Pipeline.Memos memos = Pipeline.Memos.remembering();
    private final Object versionChanged = new Object();
    private HttpServer server;
    private WatchService watcher;
    private Thread watching;

    public DevServer(BuildOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Builds once, then serves on {@code port} (0: any free port) and watches for changes. */
    public int start(int port) throws IOException {
        rebuild("first build", System.nanoTime());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::serve);
        // waiting pages hold a request open each, so requests get threads of their own
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "handbook-serve");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        watcher = FileSystems.getDefault().newWatchService();
        register(options.contentDir());
        register(options.themeDir());
        watching = new Thread(this::watch, "handbook-watch");
        watching.setDaemon(true);
        watching.start();
        return server.getAddress().getPort();
    }

    public int version() {
        return version.get();
    }

    private void register(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                long changed = System.nanoTime();
                key.pollEvents();
                key.reset();
                // an editor writes in bursts: wait until it is quiet, then build once
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                register(options.contentDir()); // new folders (e.g. notes/) are watched too
                register(options.themeDir());
                rebuild("change", changed);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.println("watching stopped: " + e.getMessage());
        }
    }

    private synchronized void rebuild(String why, long since) {
        Diagnostics diagnostics = new Diagnostics();
        Pipeline pipeline = new Pipeline(diagnostics, memos);
        try {
            BuildResult result = pipeline.build(options);
            if (!result.written() && version.get() > 0) {
                log.println(why + ": nothing changed");
                return;
            }
            diagnostics.all().forEach(d -> log.println(d.format()));
            long millis = (System.nanoTime() - since) / 1_000_000;
            Pipeline.RenderStats work = pipeline.lastRender();
            log.printf("%s: rebuilt in %d ms: %d topics, %d rendered again, %d of %d sources read again (%s)%n",
                    why, millis, result.topics().size(), work.topicsRendered(), work.sourcesIngested(),
                    result.sources().size(), result.stageMillis().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            synchronized (versionChanged) {
                version.incrementAndGet();
                versionChanged.notifyAll();
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.all().forEach(d -> log.println(d.format()));
            log.println(why + ": build failed, still serving the previous site: " + e.getMessage());
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/__handbook/version")) {
                String query = exchange.getRequestURI().getQuery();
                String after = query != null && query.startsWith("after=") ? query.substring("after=".length()) : null;
                send(exchange, 200, "text/plain", String.valueOf(versionAfter(after)).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/__handbook/reload.js")) {
                send(exchange, 200, TYPES.get(".js"), RELOAD_SCRIPT.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path root = options.outDir().toAbsolutePath().normalize();
            Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                send(exchange, 404, TYPES.get(".html"), Files.isRegularFile(notFound)
                        ? withReload(Files.readAllBytes(notFound)) : "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            byte[] body = Files.readAllBytes(file);
            send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"),
                    extension.equals(".html") ? withReload(body) : body);
        }
    }

    /** The version, once it is not {@code after} any more (or at the latest after the long-poll time). */
    private int versionAfter(String after) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LONG_POLL_SECONDS);
        synchronized (versionChanged) {
            try {
                while (after != null && after.equals(String.valueOf(version.get()))) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        break;
                    }
                    versionChanged.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return version.get();
        }
    }

    private static byte[] withReload(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        String script = "<script src=\"/__handbook/reload.js\"></script>";
        page = end < 0 ? page + script : page.substring(0, end) + script + page.substring(end);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (watcher != null) {
            watcher.close();
        }
        if (watching != null) {
            watching.interrupt();
        }
    }
}
