package dev.handbook.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One headless Chromium driven over the DevTools protocol, with one page open: load a file, run a script in it,
 * print it to PDF, as often as needed. The book's two parts (body, then front matter) then cost one browser start
 * instead of two. Each session gets a fresh profile, removed on close.
 *
 * <p>The protocol goes over a pair of pipes ({@code --remote-debugging-pipe}: Chromium reads commands from its file
 * descriptor 3 and writes replies and events to 4, each a JSON text ended by a NUL byte), which a shell joins to
 * the process's standard input and output. A WebSocket on a port would need the JDK's HTTP client (a few hundred
 * milliseconds of CPU to set up, TLS included, while Chromium wants both cores to start), the port Chromium writes
 * into its profile to be waited for, and a handshake.
 */
final class DevToolsSession implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 180;
    /** Runs Chromium (its path and arguments follow) with the protocol's pipes on descriptors 3 and 4. */
    private static final String WITH_PIPES = "exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>/dev/null";

    private final Process process;
    private final Path profile;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Page loads by the navigation that started them (its loader), completed when the page's load event fires. */
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    private final OutputStream commands;
    private String sessionId;
    private volatile boolean quitting;
    /** Why Chromium's pipe closed, once it has: later calls fail at once instead of waiting for a reply. */
    private final CompletableFuture<IOException> closed = new CompletableFuture<>();

    private DevToolsSession(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
        this.commands = process.getOutputStream();
    }

    /**
     * Starts Chromium and opens a blank page in it. Headless Chromium also preloads its omnibox popups, web pages
     * of their own that kept a second core busy for 1.5 s while the book loaded; they are switched off (a Chromium
     * without those features ignores the names).
     */
    static DevToolsSession start(Path executable) throws IOException {
        Path profile = Files.createTempDirectory("handbook-chromium");
        List<String> command = List.of("/bin/sh", "-c", WITH_PIPES, executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
                "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        DevToolsSession session = new DevToolsSession(process, profile);
        try {
            Thread reader = new Thread(session::readReplies, "devtools-reader");
            reader.setDaemon(true);
            reader.start();
            session.openPage();
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void openPage() throws IOException {
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
        try {
            if (closed.isDone()) {
                throw closed.join();
            }
            send(message);
        } catch (IOException e) {
            pending.remove(id);
            throw whyClosed(e);
        }
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

    /**
     * The reason the pipe closed, when a write failed because Chromium had exited (the JDK then closes the stream
     * to it, and says only "Stream closed"): the reader, which sees the pipe's end too, gives its exit status.
     */
    private IOException whyClosed(IOException failure) {
        try {
            IOException reason = closed.get(5, TimeUnit.SECONDS);
            return new IOException(reason.getMessage(), reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure;
        } catch (ExecutionException | TimeoutException e) {
            return failure;
        }
    }

    /** One message to Chromium, ended as the pipe wants; calls from several threads do not interleave. */
    private synchronized void send(ObjectNode message) throws IOException {
        commands.write(json.writeValueAsBytes(message));
        commands.write(0);
        commands.flush();
    }

    /**
     * Reads Chromium's messages until its pipe closes: replies complete their call; of the events, only the pages'
     * loads are waited for. When the pipe closes (Chromium exited, or never started), whatever waits fails.
     */
    private void readReplies() {
        IOException failure;
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream message = new ByteArrayOutputStream(1 << 16);
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == 0) {
                        message.write(buffer, start, i - start);
                        dispatch(json.readTree(message.toByteArray()));
                        message.reset();
                        start = i + 1;
                    }
                }
                message.write(buffer, start, read - start);
            }
            failure = new IOException(quitting ? "Chromium was asked to exit"
                    : "Chromium closed its DevTools pipe: it exited" + exitStatus() + ", or could not start");
        } catch (IOException e) {
            failure = e;
        }
        closed.complete(failure);
        for (CompletableFuture<JsonNode> call : pending.values()) {
            call.completeExceptionally(failure);
        }
        for (CompletableFuture<Void> load : loads.values()) {
            load.completeExceptionally(failure);
        }
    }

    /** " with status N" once the process has ended (it soon does after closing its pipe), else nothing. */
    private String exitStatus() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " with status " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void dispatch(JsonNode message) {
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
    }

    /**
     * Asks Chromium to exit, and returns at once: it shuts down while the caller goes on, and {@link #close()}
     * then finds it gone.
     */
    void quit() {
        if (!quitting) {
            quitting = true;
            try {
                send(json.createObjectNode().put("id", nextId.incrementAndGet()).put("method", "Browser.close"));
            } catch (IOException e) {
                // it has gone already, or close() stops it
            }
        }
    }

    /** Stops Chromium (if {@link #quit()} did not already) and removes its profile. */
    @Override
    public void close() {
        try {
            if (process.isAlive() && !quitting) {
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
