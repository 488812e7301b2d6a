package dev.handbook.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One headless Chromium driven over the DevTools protocol (a WebSocket, JSON messages), with one page open: load a
 * file, run a script in it, print it to PDF, as often as needed. The book's two parts (body, then front matter)
 * then cost one browser start instead of two.
 * Each session gets a fresh profile, removed on close.
 */
final class DevToolsSession implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 180;

    private final Process process;
    private final Path profile;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Page loads by the navigation that started them (its loader), completed when the page's load event fires. */
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    private WebSocket socket;
    private String sessionId;
    private boolean quitting;

    private DevToolsSession(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /**
     * Starts Chromium and opens a blank page in it. Headless Chromium also preloads its omnibox popups, web pages
     * of their own that kept a second core busy for 1.5 s while the book loaded; they are switched off (a Chromium
     * without those features ignores the names).
     */
    static DevToolsSession start(Path executable) throws IOException {
        // the JDK's HTTP client takes a few hundred milliseconds to set up (TLS defaults included): that is done
        // while Chromium starts, which leaves this thread waiting anyway
        CompletableFuture<HttpClient> client = CompletableFuture.supplyAsync(HttpClient::newHttpClient,
                runnable -> new Thread(runnable, "devtools-client").start());
        Path profile = Files.createTempDirectory("handbook-chromium");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        DevToolsSession session = new DevToolsSession(process, profile);
        try {
            session.connect(client);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void connect(CompletableFuture<HttpClient> client) throws IOException {
        // Chromium writes the port it chose, and the browser's WebSocket path, into the profile
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> lines = List.of();
        while (lines.size() < 2) {
            if (!process.isAlive()) {
                throw new IOException("Chromium exited at start (exit " + process.exitValue() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Chromium did not open its DevTools port in 60 s");
            }
            sleep(20);
            lines = Files.isRegularFile(portFile) ? Files.readAllLines(portFile) : List.of();
        }
        URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
        socket = await(await(client).newWebSocketBuilder().buildAsync(endpoint, new Listener()));
        // the blank page Chromium opened at start is used, if it is there yet: a new one would wait for a renderer
        String target = null;
        for (JsonNode info : call(null, "Target.getTargets", params()).path("targetInfos")) {
            if (target == null && info.path("type").asText().equals("page")
                    && info.path("url").asText().equals("about:blank")) {
                target = info.path("targetId").asText();
            }
        }
        if (target == null) {
            target = call(null, "Target.createTarget", params().put("url", "about:blank")).path("targetId").asText();
        }
        sessionId = call(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true))
                .path("sessionId").asText();
        call(sessionId, "Page.enable", params());
        call(sessionId, "Page.setLifecycleEventsEnabled", params().put("enabled", true));
    }

    /**
     * Loads {@code page} and waits until it and every font it declares are loaded: a font that only the print
     * layout asks for (or that the screen layout had not reached yet) would otherwise still be loading when the
     * page is printed, and the PDF would come out with the fallback's measurements on a busy machine.
     */
    void load(Path page) throws IOException {
        JsonNode navigated = call(sessionId, "Page.navigate",
                params().put("url", page.toAbsolutePath().toUri().toString()));
        if (navigated.hasNonNull("errorText")) {
            throw new IOException("Chromium could not open " + page + ": " + navigated.get("errorText").asText());
        }
        // the load of this navigation, not of the blank page Chromium opened at start, which may end meanwhile
        await(loads.computeIfAbsent(navigated.path("loaderId").asText(), id -> new CompletableFuture<>()));
        evaluate("Promise.all(Array.from(document.fonts, font => font.load().catch(() => null)))"
                + ".then(() => document.fonts.ready).then(() => true)");
    }

    /** Runs a script in the page (awaiting it if it returns a promise) and returns its JSON value. */
    JsonNode evaluate(String script) throws IOException {
        JsonNode result = call(sessionId, "Runtime.evaluate", params().put("expression", script)
                .put("awaitPromise", true).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("script failed in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * The page printed as Chromium's print dialog would (the page's CSS sets paper and margins), as a tagged PDF
     * (a structure tree for screen readers).
     */
    byte[] printToPdf() throws IOException {
        JsonNode printed = call(sessionId, "Page.printToPDF", params().put("printBackground", true)
                .put("preferCSSPageSize", true).put("displayHeaderFooter", false).put("generateTaggedPDF", true));
        return Base64.getDecoder().decode(printed.path("data").asText());
    }

    private ObjectNode params() {
        return json.createObjectNode();
    }

    private JsonNode call(String session, String method, ObjectNode params) throws IOException {
        int id = nextId.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        await(socket.sendText(json.writeValueAsString(message), true));
        JsonNode reply = await(answer);
        if (reply.has("error")) {
            throw new IOException("Chromium refused " + method + ": " + reply.get("error").path("message").asText());
        }
        return reply.path("result");
    }

    private <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Chromium", e);
        } catch (ExecutionException e) {
            throw new IOException("Chromium's DevTools connection failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Chromium did not answer in " + TIMEOUT_SECONDS + " s");
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting Chromium", e);
        }
    }

    /** Replies complete their call; of the events, only the pages' loads are waited for. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = json.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else if ("Page.lifecycleEvent".equals(message.path("method").asText())
                            && "load".equals(message.path("params").path("name").asText())) {
                        loads.computeIfAbsent(message.path("params").path("loaderId").asText(),
                                id -> new CompletableFuture<>()).complete(null);
                    }
                } catch (IOException e) {
                    pending.values().forEach(p -> p.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            IOException closed = new IOException("Chromium closed the connection (" + statusCode + ")");
            pending.values().forEach(p -> p.completeExceptionally(closed));
            loads.values().forEach(l -> l.completeExceptionally(closed));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(p -> p.completeExceptionally(error));
            loads.values().forEach(l -> l.completeExceptionally(error));
        }
    }

    /**
     * Asks Chromium to exit, and returns at once: it shuts down while the caller goes on, and {@link #close()}
     * then finds it gone.
     */
    void quit() {
        if (socket != null && !quitting) {
            quitting = true;
            ObjectNode message = json.createObjectNode().put("id", nextId.incrementAndGet())
                    .put("method", "Browser.close");
            socket.sendText(message.toString(), true);
        }
    }

    /** Stops Chromium (if {@link #quit()} did not already) and removes its profile. */
    @Override
    public void close() {
        try {
            if (socket != null && !quitting) {
                try {
                    call(null, "Browser.close", params());
                } catch (IOException e) {
                    // it is stopped below anyway
                }
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory; the system cleans it eventually
            }
        }
    }
}
