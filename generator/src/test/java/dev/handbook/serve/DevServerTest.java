package dev.handbook.serve;

import dev.handbook.pipeline.BuildOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve: pages come from the build, a change rebuilds, and open pages learn that they should reload. */
class DevServerTest {
    @TempDir
    Path tmp;

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEditRebuildsAndBumpsTheVersionThePagesWatch() throws Exception {
        Path content = tmp.resolve("content");
        Path sources = Files.createDirectories(content.resolve("sources"));
        Files.copy(Path.of("content/handbook.yaml"), content.resolve("handbook.yaml"));
        Files.writeString(sources.resolve("notes.md"), "## What is a tensor?\nAn array.\n\n## What is a scalar?\nA number.\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (DevServer server = new DevServer(new BuildOptions(content, Path.of("theme"), tmp.resolve("site"), ""),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            int port = server.start(0);
            String base = "http://127.0.0.1:" + port + "/";
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> index = get(client, base);
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("<script src=\"/__handbook/reload.js\"></script>"));
            assertEquals(200, get(client, base + "__handbook/reload.js").statusCode());
            assertEquals("1", get(client, base + "__handbook/version").body());
            assertEquals(404, get(client, base + "topics/vector.html").statusCode());

            // an open page waits on the version; the edit's rebuild answers it
            var waiting = client.sendAsync(HttpRequest.newBuilder(URI.create(base + "__handbook/version?after=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200);
            assertTrue(!waiting.isDone(), "nothing changed yet, so the page is still waiting");
            long edited = System.nanoTime();
            Files.writeString(sources.resolve("notes.md"),
                    "## What is a tensor?\nAn array.\n\n## What is a scalar?\nA number.\n\n## What is a vector?\nA list.\n");
            assertEquals("2", waiting.get(DevServer.LONG_POLL_SECONDS + 5, java.util.concurrent.TimeUnit.SECONDS).body(),
                    log.toString());
            long millis = (System.nanoTime() - edited) / 1_000_000;
            assertEquals(200, get(client, base + "topics/vector.html").statusCode());
            System.out.println("serve: edit to rebuilt site in " + millis + " ms");
        }
    }
}
