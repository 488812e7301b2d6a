package dev.handbook.export;

import dev.handbook.memo.Hashes;
import dev.handbook.site.Output;
import dev.handbook.site.SiteModel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDestinationDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.cos.COSName;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@code downloads/handbook.pdf}, printed by headless Chromium from {@code print.html} (the only engine here that
 * prints KaTeX correctly). Chromium has no {@code target-counter}, so the contents get their page numbers in a
 * second pass: the first PDF's named destinations (Chromium names them after the element ids) tell on which page
 * each chapter and topic starts; a script writes the numbers into the contents of the page still open, and it is
 * printed again (one browser, one page load: {@link DevToolsSession}). PDFBox then adds the outline (bookmarks
 * for chapters and topics) and the document information.
 */
public final class PdfBook implements Output {
    /** Writes each contents entry's page number (1-based) from PAGES, element id -> 0-based page index. */
    private static final String NUMBER_CONTENTS = """
            (function (pages) {
              document.querySelectorAll('.toc-page[data-for]').forEach(function (number) {
                var page = pages[number.getAttribute('data-for')];
                number.textContent = page === undefined ? '' : String(page + 1);
              });
              return true;
            })(PAGES)""";

    private final Chromium chromium;
    private final String paper;
    private final Path cacheDir;

    /**
     * @param paper    "a4" or "letter"
     * @param cacheDir where the last PDF is kept with the hash of what it was printed from, or null: a build whose
     *                 book did not change reuses it instead of starting Chromium twice
     */
    public PdfBook(Chromium chromium, String paper, Path cacheDir) {
        this.chromium = chromium;
        this.paper = paper;
        this.cacheDir = cacheDir;
    }

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public void write(SiteModel model, Path out) throws IOException {
        Path printPage = out.resolve("print.html");
        Path pdf = Files.createDirectories(out.resolve("downloads")).resolve("handbook.pdf");
        String inputs = inputsHash(out, model);
        Path cached = cacheDir == null ? null : cacheDir.resolve("handbook-" + inputs + ".pdf");
        if (cached != null && Files.isRegularFile(cached)) {
            Files.copy(cached, pdf);
            return;
        }
        Path numbered = out.resolve("print-numbered.tmp.html");
        try {
            Document book = Jsoup.parse(printPage.toFile(), "UTF-8");
            if (paper.equals("letter")) {
                Path letter = out.resolve("assets/print-letter.css");
                Files.writeString(letter, "@page { size: Letter; }\n");
                book.head().appendElement("link").attr("rel", "stylesheet").attr("href", "assets/print-letter.css");
            }
            Files.writeString(numbered, book.outerHtml(), StandardCharsets.UTF_8);
            byte[] printed;
            try (DevToolsSession browser = DevToolsSession.start(chromium.executable())) {
                browser.load(numbered);
                // pass 1: where does everything start?
                Map<String, Integer> pages;
                // untagged: only its page numbers are read, and leaving out the structure tree saves a fifth
                try (PDDocument first = Loader.loadPDF(browser.printToPdf(false))) {
                    pages = destinationPages(first);
                }
                // pass 2: the same page with the numbers written into its contents
                browser.evaluate(NUMBER_CONTENTS.replace("PAGES", new ObjectMapper().writeValueAsString(pages)));
                printed = browser.printToPdf(true);
            }
            try (PDDocument doc = Loader.loadPDF(printed)) {
                addOutline(doc, book, destinationPages(doc));
                describe(doc, model);
                StructureIds.renumber(doc);
                // the file identifier derives from what was printed, not from the clock: same book, same bytes
                doc.setDocumentId(Long.parseUnsignedLong(inputs.substring(0, 15), 16));
                doc.save(pdf.toFile());
            }
            if (cached != null) {
                Files.createDirectories(cacheDir);
                try (java.util.stream.Stream<Path> old = Files.list(cacheDir)) {
                    for (Path p : old.filter(p -> p.getFileName().toString().matches("handbook-[0-9a-f]+\\.pdf")).toList()) {
                        Files.delete(p);
                    }
                }
                Files.copy(pdf, cached);
            }
        } finally {
            Files.deleteIfExists(numbered);
            Files.deleteIfExists(out.resolve("assets/print-letter.css"));
        }
    }

    /** After a failed print: no page offers the PDF, and no half-written file or temporary page is left. */
    public static void unlink(Path out) throws IOException {
        Files.deleteIfExists(out.resolve("downloads/handbook.pdf"));
        Files.deleteIfExists(out.resolve("print-numbered.tmp.html"));
        try (java.util.stream.Stream<Path> pages = Files.walk(out)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page);
                if (html.contains("downloads/handbook.pdf")) {
                    Document doc = Jsoup.parse(html);
                    doc.select("a[href$=downloads/handbook.pdf]").remove();
                    doc.outputSettings().prettyPrint(false);
                    Files.writeString(page, doc.outerHtml(), StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** What the PDF is printed from: the book page, every stylesheet and font it uses, the paper, the date. */
    private String inputsHash(Path out, SiteModel model) throws IOException {
        java.security.MessageDigest digest = Hashes.sha256();
        List<Path> files = new ArrayList<>(List.of(out.resolve("print.html")));
        try (java.util.stream.Stream<Path> assets = Files.walk(out.resolve("assets"))) {
            assets.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            digest.update(out.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
        digest.update((paper + "|" + model.date() + "|" + model.generator()).getBytes(StandardCharsets.UTF_8));
        return Hashes.hex(digest).substring(0, 24);
    }

    /** Element id -> 0-based page index, from the PDF's named destinations. */
    static Map<String, Integer> destinationPages(PDDocument doc) throws IOException {
        Map<String, Integer> pages = new HashMap<>();
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDDocumentNameDestinationDictionary dests = catalog.getDests();
        if (dests != null) {
            for (COSName key : dests.getCOSObject().keySet()) {
                PDDestination d = dests.getDestination(key.getName());
                if (d instanceof PDPageDestination page) {
                    pages.put(key.getName(), pageIndex(doc, page));
                }
            }
        }
        if (catalog.getNames() != null && catalog.getNames().getDests() != null) {
            collect(doc, catalog.getNames().getDests(), pages);
        }
        return pages;
    }

    private static void collect(PDDocument doc, PDNameTreeNode<PDPageDestination> node, Map<String, Integer> pages)
            throws IOException {
        if (node.getNames() != null) {
            for (Map.Entry<String, PDPageDestination> e : node.getNames().entrySet()) {
                pages.put(e.getKey(), pageIndex(doc, e.getValue()));
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDPageDestination> kid : node.getKids()) {
                collect(doc, kid, pages);
            }
        }
    }

    private static int pageIndex(PDDocument doc, PDPageDestination d) {
        int number = d.retrievePageNumber();
        if (number >= 0) {
            return number;
        }
        return d.getPage() == null ? -1 : doc.getPages().indexOf(d.getPage());
    }

    /** Bookmarks: a chapter per category with its topics under it. */
    private static void addOutline(PDDocument doc, Document book, Map<String, Integer> pages) {
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        PDOutlineItem contents = item(doc, "Contents", pages.get("contents"));
        if (contents != null) {
            outline.addLast(contents);
        }
        for (Element chapter : book.select("section.chapter")) {
            PDOutlineItem chapterItem = item(doc, chapter.selectFirst(".chapter-title").text(), pages.get(chapter.id()));
            if (chapterItem == null) {
                continue;
            }
            outline.addLast(chapterItem);
            for (Element topic : chapter.select("article.book-topic")) {
                PDOutlineItem topicItem = item(doc, topic.selectFirst("h2").text(), pages.get(topic.id()));
                if (topicItem != null) {
                    chapterItem.addLast(topicItem);
                }
            }
        }
        outline.openNode();
    }

    private static PDOutlineItem item(PDDocument doc, String title, Integer page) {
        if (page == null || page < 0 || page >= doc.getNumberOfPages()) {
            return null;
        }
        PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
        PDPage target = doc.getPage(page);
        destination.setPage(target);
        destination.setTop((int) target.getMediaBox().getUpperRightY());
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        return item;
    }

    /** Title, subject, producer, and dates from the edition date (never the clock), so rebuilds agree. */
    private static void describe(PDDocument doc, SiteModel model) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(model.config().title());
        info.setSubject(model.config().description());
        info.setCreator(model.generator());
        info.setProducer(model.generator());
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.clear();
        if (model.date().matches("\\d{4}-\\d{2}-\\d{2}")) {
            String[] p = model.date().split("-");
            date.set(Integer.parseInt(p[0]), Integer.parseInt(p[1]) - 1, Integer.parseInt(p[2]));
        } else {
            date.set(2000, Calendar.JANUARY, 1);
        }
        info.setCreationDate(date);
        info.setModificationDate(date);
    }
}
