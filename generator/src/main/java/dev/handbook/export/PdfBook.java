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
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.CompletableFuture;

/**
 * {@code downloads/handbook.pdf}, printed by headless Chromium from {@code print.html} (the only engine here that
 * prints KaTeX correctly). Chromium has no {@code target-counter}, so the book is printed in two parts
 * ({@link BookParts}): the body first, whose named destinations (Chromium names them after the element ids) tell
 * on which page each chapter and topic starts, then the cover and contents with those numbers written in, put in
 * place of the chapters in the page still open (its stylesheets and fonts are loaded already). One browser prints
 * both ({@link DevToolsSession}). PDFBox puts the front matter before the body, labels the pages
 * (i, ii, ... then 1, 2, ...), and adds the outline (bookmarks for chapters and topics) and the document
 * information.
 */
public final class PdfBook implements Output {
    private static final String BODY_PAGE = "print-body.tmp.html";

    private final Chromium chromium;
    private final String paper;
    private final Path cacheDir;

    /**
     * @param paper    "a4" or "letter"
     * @param cacheDir where the last PDF is kept with the hash of what it was printed from, or null: a build whose
     *                 book did not change reuses it instead of starting Chromium
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
        Path bodyPage = out.resolve(BODY_PAGE);
        try {
            Document book = Jsoup.parse(printPage.toFile(), "UTF-8");
            if (paper.equals("letter")) {
                Path letter = out.resolve("assets/print-letter.css");
                Files.writeString(letter, "@page { size: Letter; }\n");
                book.head().appendElement("link").attr("rel", "stylesheet").attr("href", "assets/print-letter.css");
            }
            Files.writeString(bodyPage, BookParts.body(book).outerHtml(), StandardCharsets.UTF_8);
            try (DevToolsSession browser = DevToolsSession.start(chromium.executable());
                 PDDocument body = Loader.loadPDF(print(browser, bodyPage))) {
                Map<String, Integer> bodyPages = destinationPages(body);
                String frontHtml = BookParts.front(book, bodyPages).body().html();
                // PDFBox reads an object when first asked for it; the body's structure tree, which the merge and
                // the renumbering walk, is read while Chromium prints the front matter (this thread does not
                // touch the body until the reading is joined)
                CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> StructureIds.read(body),
                        task -> new Thread(task, "pdf-read").start());
                // the page already loaded, with its stylesheets and fonts, takes the front matter's content
                browser.evaluate("document.body.innerHTML = " + new ObjectMapper().writeValueAsString(frontHtml)
                        + "; document.fonts.ready.then(() => true)");
                try (PDDocument front = Loader.loadPDF(browser.printToPdf())) {
                    browser.quit(); // Chromium's part is done: it exits while PDFBox works
                    reading.join();
                    bind(front, body, bodyPages, book);
                } finally {
                    reading.handle((done, failed) -> null).join(); // the body is never closed while being read
                }
                describe(body, model);
                StructureIds.renumber(body);
                // the file identifier derives from what was printed, not from the clock: same book, same bytes
                body.setDocumentId(Long.parseUnsignedLong(inputs.substring(0, 15), 16));
                body.save(pdf.toFile());
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
            Files.deleteIfExists(bodyPage);
            Files.deleteIfExists(out.resolve("assets/print-letter.css"));
        }
    }

    private static byte[] print(DevToolsSession browser, Path page) throws IOException {
        browser.load(page);
        return browser.printToPdf();
    }

    /**
     * Does to two one-page PDFs made here what a build does to Chromium's two prints (reads their destinations and
     * structure, puts the front matter first, labels the pages, adds the outline, renumbers the structure ids and
     * saves), and returns the book made. For the classes that loads: a class-data archive written by a build that
     * printed no PDF then holds them, so that later builds do not load PDFBox from the jar while printing (it
     * took 183 ms instead of 81 ms).
     */
    public static byte[] loadLibraries() throws IOException {
        try (PDDocument body = Loader.loadPDF(onePage("chapter", "topic"));
             PDDocument front = Loader.loadPDF(onePage(BookParts.CONTENTS))) {
            Map<String, Integer> bodyPages = destinationPages(body);
            StructureIds.read(body);
            bind(front, body, bodyPages, Jsoup.parse("<section class=chapter id=chapter>"
                    + "<h1 class=chapter-title>Chapter</h1><article class=book-topic id=topic><h2>Topic</h2></article>"
                    + "</section>"));
            StructureIds.renumber(body);
            ByteArrayOutputStream book = new ByteArrayOutputStream();
            body.save(book);
            return book.toByteArray();
        }
    }

    /**
     * A tagged PDF of one empty page, with a named destination for each of IDS and a paragraph in its structure
     * tree (with the first id).
     */
    private static byte[] onePage(String... ids) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSDictionary destinations = new COSDictionary();
            for (String id : ids) {
                PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
                destination.setPage(page);
                destinations.setItem(id, destination);
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.DESTS, destinations);
            PDMarkInfo tagged = new PDMarkInfo();
            tagged.setMarked(true);
            doc.getDocumentCatalog().setMarkInfo(tagged);
            PDStructureTreeRoot root = new PDStructureTreeRoot();
            doc.getDocumentCatalog().setStructureTreeRoot(root);
            PDStructureElement document = new PDStructureElement("Document", root);
            root.appendKid(document);
            PDStructureElement paragraph = new PDStructureElement("P", document);
            paragraph.setElementIdentifier(ids[0]);
            paragraph.setPage(page);
            paragraph.appendKid(0);
            document.appendKid(paragraph);
            // the page's marked content 0 belongs to the paragraph (PDFBox joins structure trees only with these)
            page.setStructParents(0);
            PDNumberTreeNode parents = new PDNumberTreeNode(PDParentTreeValue.class);
            COSArray ofPage = new COSArray();
            ofPage.add(paragraph);
            parents.setNumbers(Map.of(0, new PDParentTreeValue(ofPage)));
            root.setParentTree(parents);
            root.setParentTreeNextKey(1);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            doc.save(pdf);
            return pdf.toByteArray();
        }
    }

    /** After a failed print: no page offers the PDF, and no half-written file or temporary page is left. */
    public static void unlink(Path out) throws IOException {
        Files.deleteIfExists(out.resolve("downloads/handbook.pdf"));
        Files.deleteIfExists(out.resolve(BODY_PAGE));
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

    /**
     * Makes BODY, whose destinations are BODY_PAGES (read before), the whole book: the front matter first (see
     * {@link #putBefore}), then the outline of BOOK's chapters and topics, pointing behind the front matter.
     */
    private static void bind(PDDocument front, PDDocument body, Map<String, Integer> bodyPages, Document book)
            throws IOException {
        Integer contents = destinationPages(front).get(BookParts.CONTENTS);
        int frontPages = putBefore(front, body);
        // the body's pages keep their order, behind the front matter's
        Map<String, Integer> pages = new HashMap<>();
        bodyPages.forEach((id, page) -> pages.put(id, page + frontPages));
        if (contents != null) {
            pages.put(BookParts.CONTENTS, contents);
        }
        addOutline(body, book, pages);
    }

    /**
     * Makes BODY the whole book: FRONT's pages go before its own, and FRONT's structure (what a screen reader
     * reads) before the body's. FRONT's destinations, those of the stand-ins for the chapters and topics, are
     * dropped first, so that the links of the contents, which name their destinations, lead into the body. The
     * pages are labelled as they are numbered: i, ii, ... then 1, 2, ... Returns how many pages FRONT had.
     */
    private static int putBefore(PDDocument front, PDDocument body) throws IOException {
        front.getDocumentCatalog().getCOSObject().removeItem(COSName.DESTS);
        int frontPages = front.getNumberOfPages();
        int bodyPages = body.getNumberOfPages();
        new PDFMergerUtility().appendDocument(body, front);
        PDPageTree pages = body.getPages();
        for (int i = 0; i < frontPages; i++) {
            PDPage page = pages.get(bodyPages + i);
            pages.remove(page);
            pages.insertBefore(page, pages.get(i));
        }
        // the merge puts each part's structure under one document element, the appended one last
        if (body.getDocumentCatalog().getStructureTreeRoot() != null
                && body.getDocumentCatalog().getStructureTreeRoot().getK() instanceof COSDictionary document
                && document.getDictionaryObject(COSName.K) instanceof COSArray parts && parts.size() == 2) {
            COSBase frontPart = parts.get(1);
            parts.remove(1);
            parts.add(0, frontPart);
        }
        PDPageLabels labels = new PDPageLabels(body);
        PDPageLabelRange roman = new PDPageLabelRange();
        roman.setStyle(PDPageLabelRange.STYLE_ROMAN_LOWER);
        labels.setLabelItem(0, roman);
        PDPageLabelRange arabic = new PDPageLabelRange();
        arabic.setStyle(PDPageLabelRange.STYLE_DECIMAL);
        labels.setLabelItem(frontPages, arabic);
        body.getDocumentCatalog().setPageLabels(labels);
        return frontPages;
    }

    /** Bookmarks: the contents, then a chapter per category with its topics under it. */
    private static void addOutline(PDDocument doc, Document book, Map<String, Integer> pages) {
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        PDOutlineItem contents = item(doc, "Contents", pages.get(BookParts.CONTENTS));
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
