package dev.handbook.export;

import com.sun.net.httpserver.HttpServer;
import dev.handbook.diag.Diagnostics;
import dev.handbook.pipeline.BuildOptions;
import dev.handbook.pipeline.BuildResult;
import dev.handbook.pipeline.Pipeline;
import dev.handbook.site.LinkChecker;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three ways the handbook is published: a site under a sub-path, the offline zip, the PDF. */
class PublishTest {
    @TempDir
    static Path tmp;
    static Path site;
    static BuildResult result;
    static boolean pdf;

    @BeforeAll
    static void build() throws IOException {
        site = tmp.resolve("site");
        Optional<Chromium> chromium = Chromium.find(null);
        pdf = chromium.isPresent();
        if (!pdf && "required".equals(System.getenv("HANDBOOK_BROWSER_TESTS"))) {
            throw new IllegalStateException("Chromium is required for the PDF test");
        }
        Diagnostics diagnostics = new Diagnostics();
        result = new Pipeline(diagnostics).build(new BuildOptions(Path.of("content"), Path.of("theme"), site,
                "https://example.org/handbook/", pdf, null, "a4"));
        assertPrinted(diagnostics);
    }

    /** A PDF that could not be printed is a warning to the build, and the reason to give when a test fails. */
    private static void assertPrinted(Diagnostics diagnostics) {
        if (pdf) {
            assertEquals(List.of(), diagnostics.all().stream().map(d -> d.message())
                    .filter(m -> m.startsWith("the PDF was not made")).toList());
        }
    }

    @Test
    void aCrawlUnderASubPathFindsNoBrokenLink() throws Exception {
        assertEquals(List.of(), LinkChecker.check(site));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/handbook/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/handbook/".length());
            Path file = site.resolve(path.isEmpty() ? "index.html" : path).normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/handbook/";
            HttpClient client = HttpClient.newHttpClient();
            Deque<String> queue = new ArrayDeque<>(List.of(base + "index.html"));
            Set<String> seen = new HashSet<>(queue);
            List<String> broken = new ArrayList<>();
            while (!queue.isEmpty()) {
                String url = queue.poll();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    broken.add(url + " " + response.statusCode());
                    continue;
                }
                if (!url.endsWith(".html")) {
                    continue;
                }
                Document doc = Jsoup.parse(response.body(), url);
                for (Element el : doc.select("a[href], link[href], script[src]")) {
                    String target = el.absUrl(el.hasAttr("href") ? "href" : "src").replaceFirst("#.*$", "");
                    if (target.startsWith(base) && seen.add(target)) {
                        queue.add(target);
                    }
                }
            }
            assertEquals(List.of(), broken);
            assertTrue(seen.size() > 300, seen.size() + " URLs crawled");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void siteUrlAddsSitemapCanonicalLinksAndNoJekyll() throws IOException {
        assertTrue(Files.exists(site.resolve(".nojekyll")));
        assertTrue(Files.readString(site.resolve("sitemap.xml")).contains("<loc>https://example.org/handbook/index.html</loc>"));
        Document topic = Jsoup.parse(site.resolve(result.topics().get(0).slug().isEmpty() ? "index.html"
                : "topics/" + result.topics().get(0).slug() + ".html").toFile(), "UTF-8");
        assertEquals("https://example.org/handbook/topics/" + result.topics().get(0).slug() + ".html",
                topic.selectFirst("link[rel=canonical]").attr("href"));
        assertNotNull(topic.selectFirst("meta[property=og:title]"));
        Document notFound = Jsoup.parse(site.resolve("404.html").toFile(), "UTF-8");
        assertNotNull(notFound.selectFirst("#search-input"), "404 offers search");
    }

    @Test
    void theOfflineZipHoldsTheWholeSiteInOneFolderAndIsReproducible() throws IOException {
        Path zip = site.resolve("downloads/handbook-offline.zip");
        Set<String> names = new HashSet<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                assertTrue(e.getName().startsWith("handbook/"), e.getName());
                // a fixed date, not the build's: unzipped files all say 2000-01-01 00:00
                assertEquals(java.time.LocalDateTime.of(2000, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                names.add(e.getName());
            }
        }
        for (String expected : List.of("handbook/index.html", "handbook/search/meta.js", "handbook/assets/search.js",
                "handbook/manifest.json", "handbook/print.html")) {
            assertTrue(names.contains(expected), expected);
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith("handbook/topics/")));
        if (pdf) {
            assertTrue(names.contains("handbook/downloads/handbook.pdf"));
        }
    }

    @Test
    void thePdfHasNumberedContentsAnOutlineAndEveryTopic() throws IOException {
        Assumptions.assumeTrue(pdf, "no Chromium: PDF skipped");
        Path file = site.resolve("downloads/handbook.pdf");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            int pages = doc.getNumberOfPages();
            System.out.printf(Locale.ROOT, "PDF: %d pages, %d bytes%n", pages, Files.size(file));
            // outline: a chapter per category, each topic under its chapter
            List<String> chapters = new ArrayList<>();
            int topics = 0;
            for (PDOutlineItem chapter : doc.getDocumentCatalog().getDocumentOutline().children()) {
                chapters.add(chapter.getTitle());
                for (PDOutlineItem ignored : chapter.children()) {
                    topics++;
                }
            }
            assertTrue(chapters.contains("Fundamentals of Machine Learning"), chapters.toString());
            assertEquals(result.topics().size(), topics, "every topic has a bookmark");
            // the contents' page numbers are where each topic starts
            Map<String, Integer> starts = PdfBook.destinationPages(doc);
            Document print = Jsoup.parse(site.resolve("print.html").toFile(), "UTF-8");
            PDFTextStripper stripper = new PDFTextStripper();
            String allText = stripper.getText(doc).replaceAll("\\s+", " ");
            int checked = 0;
            for (Element article : print.select("article.book-topic")) {
                String title = article.selectFirst("h2").text();
                assertTrue(allText.contains(title.replaceAll("\\s+", " ")), "title in the PDF: " + title);
                if (checked < 40 && article.id().hashCode() % 7 == 0) {
                    int page = starts.get(article.id()) + 1;
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    String text = stripper.getText(doc).replaceAll("\\s+", " ");
                    String firstWords = title.replaceAll("\\s+", " ");
                    firstWords = firstWords.substring(0, Math.min(30, firstWords.length()));
                    assertTrue(text.contains(firstWords), title + " not on page " + page);
                    checked++;
                }
            }
            assertTrue(checked > 10);
            // the front matter is numbered i, ii, ..., the chapters from 1, and the contents list the numbers
            // printed on the pages where the chapters start
            String[] labels = doc.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
            assertEquals("i", labels[0]);
            int bodyStart = starts.get("c-" + dev.handbook.topic.Slugs.of(chapters.get(1)));
            assertEquals("1", labels[bodyStart], "the first chapter is page 1");
            stripper.setStartPage(2);
            stripper.setEndPage(bodyStart);
            String contents = stripper.getText(doc).replaceAll("\\s+", " ");
            PDFTextStripper topToBottom = new PDFTextStripper();
            topToBottom.setSortByPosition(true);
            for (String chapter : List.of(chapters.get(1), chapters.get(chapters.size() - 1))) {
                int start = starts.get("c-" + dev.handbook.topic.Slugs.of(chapter));
                topToBottom.setStartPage(start + 1);
                topToBottom.setEndPage(start + 1);
                String page = topToBottom.getText(doc).strip();
                assertTrue(page.endsWith(labels[start]), "page " + (start + 1) + " is numbered " + labels[start]);
                assertTrue(contents.contains(chapter + " " + labels[start] + " "),
                        "contents list " + chapter + " on page " + labels[start]);
            }
            // and each entry of the contents is a link to the page it names
            int contentsLinks = 0;
            for (int i = 1; i < bodyStart; i++) {
                for (var annotation : doc.getPage(i).getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link
                            && link.getDestination() instanceof PDNamedDestination named) {
                        PDPageDestination target = doc.getDocumentCatalog().findNamedDestinationPage(named);
                        assertTrue(target != null && target.retrievePageNumber() >= bodyStart,
                                "the contents link " + named.getNamedDestination() + " leads into the chapters");
                        assertEquals(starts.get(named.getNamedDestination()), target.retrievePageNumber());
                        contentsLinks++;
                    }
                }
            }
            assertEquals(result.topics().size() + chapters.size() - 1, contentsLinks, "a link per chapter and topic");
        }
    }

    @Test
    void theUnzippedBundleWorksFromDiskWithoutAnyForeignRequest() throws Exception {
        Path elsewhere = tmp.resolve("unzipped-elsewhere");
        try (InputStream in = Files.newInputStream(site.resolve("downloads/handbook-offline.zip"));
             ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path target = elsewhere.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(elsewhere));
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        Path root = elsewhere.resolve("handbook");
        assertEquals(List.of(), LinkChecker.check(root), "links inside the bundle");
        org.openqa.selenium.chrome.ChromeDriver browser = dev.handbook.browser.BrowserAccess.start();
        try {
            browser.get(root.resolve("index.html").toUri().toString());
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d ->
                    Boolean.TRUE.equals(browser.executeScript("return typeof window.handbookSearch === 'function'")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) browser.executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; window.handbookSearch('knn').then(done);");
            assertTrue(!results.isEmpty(), "search works from the unzipped folder");
            browser.get(root.resolve((String) results.get(0).get("url")).toUri().toString());
            assertTrue(browser.getCurrentUrl().startsWith("file:"));
            assertTrue(browser.findElement(org.openqa.selenium.By.tagName("h1")).getText().toUpperCase(Locale.ROOT)
                    .contains("KNN") || browser.getTitle().toUpperCase(Locale.ROOT).contains("NEAREST"));
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.executeScript(
                    "return Array.from(document.querySelectorAll('script[src], link[href]:not([rel=canonical]), img[src]'))"
                            + ".map(function (e) { return e.src || e.href; });");
            for (String url : loaded) {
                assertTrue(url.startsWith("file:"), "left the folder: " + url);
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void aSecondBuildGivesTheSameBytesPdfAndZipIncluded() throws IOException {
        Path again = tmp.resolve("again").resolve("site");
        Diagnostics diagnostics = new Diagnostics();
        new Pipeline(diagnostics).build(new BuildOptions(Path.of("content"), Path.of("theme"), again,
                "https://example.org/handbook/", pdf, null, "a4"));
        assertPrinted(diagnostics);
        if (pdf) {
            byte[] first = Files.readAllBytes(site.resolve("downloads/handbook.pdf"));
            byte[] second = Files.readAllBytes(again.resolve("downloads/handbook.pdf"));
            if (!java.util.Arrays.equals(first, second)) {
                // keep both (the temporary directory goes): what moved is only found by comparing them
                Path kept = Files.createDirectories(Path.of("target", "unreproducible-pdf"));
                Files.write(kept.resolve("first.pdf"), first);
                Files.write(kept.resolve("second.pdf"), second);
                throw new AssertionError("two builds printed different PDFs; both are kept in " + kept);
            }
        }
        for (String file : List.of("index.html", "search/meta.js")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(site.resolve(file)),
                    Files.readAllBytes(again.resolve(file))), file);
        }
        assertEquals(zipEntries(site.resolve("downloads/handbook-offline.zip")),
                zipEntries(again.resolve("downloads/handbook-offline.zip")), "the offline zip's entries");
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(site.resolve("downloads/handbook-offline.zip")),
                Files.readAllBytes(again.resolve("downloads/handbook-offline.zip"))), "the offline zip's bytes");
    }

    /** Each entry's name, time and content hash, in order: an assertion on these names what differs. */
    private static List<String> zipEntries(Path zip) throws IOException {
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream stream = new ZipInputStream(in)) {
            for (ZipEntry e = stream.getNextEntry(); e != null; e = stream.getNextEntry()) {
                entries.add(e.getName() + " " + e.getTime() + " "
                        + java.util.Arrays.hashCode(stream.readAllBytes()));
            }
        }
        return entries;
    }

    @Test
    void aPdfThatCannotBeMadeLeavesTheRestOfTheSiteWhole() throws IOException {
        Path failing = tmp.resolve("failing-chromium");
        Files.writeString(failing, "#!/bin/sh\nexit 3\n");
        assertTrue(failing.toFile().setExecutable(true));
        Diagnostics diagnostics = new Diagnostics();
        Path out = tmp.resolve("without-pdf").resolve("site");
        new Pipeline(diagnostics).build(new BuildOptions(Path.of("content"), Path.of("theme"), out, "", true,
                failing, "a4"));
        assertTrue(diagnostics.all().stream().anyMatch(d -> d.message().startsWith("the PDF was not made")));
        assertTrue(Files.exists(out.resolve("downloads/handbook-offline.zip")));
        assertTrue(!Files.exists(out.resolve("downloads/handbook.pdf")));
        assertTrue(!Files.readString(out.resolve("index.html")).contains("handbook.pdf"), "no link to a missing PDF");
    }
}
