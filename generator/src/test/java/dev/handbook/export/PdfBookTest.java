package dev.handbook.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the build does to Chromium's two prints, on the two one-page PDFs the class-data archive run joins. */
class PdfBookTest {
    @Test
    void theFrontMatterGoesFirstNumberedInRomanAndTheOutlineLeadsIntoTheChapters() throws IOException {
        try (PDDocument book = Loader.loadPDF(PdfBook.loadLibraries())) {
            assertEquals(2, book.getNumberOfPages());
            // the chapters' own destinations stay, and now lead behind the front matter; the front's are gone
            assertEquals(Map.of("chapter", 1, "topic", 1), PdfBook.destinationPages(book));
            assertArrayEquals(new String[]{"i", "1"},
                    book.getDocumentCatalog().getPageLabels().getLabelsByPageIndices());

            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item : book.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(item.getTitle() + " p" + page(book, item));
                for (PDOutlineItem child : item.children()) {
                    outline.add("  " + child.getTitle() + " p" + page(book, child));
                }
            }
            assertEquals(List.of("Contents p0", "Chapter p1", "  Topic p1"), outline);

            // what a screen reader reads: the front matter's structure first, its ids renumbered in order
            COSDictionary root = book.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
            COSDictionary document = (COSDictionary) root.getDictionaryObject(COSName.K);
            COSArray parts = (COSArray) document.getDictionaryObject(COSName.K);
            assertEquals(List.of("node00000002", "node00000001"), List.of(id(parts, 0), id(parts, 1)));
        }
    }

    private static int page(PDDocument book, PDOutlineItem item) throws IOException {
        return book.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage());
    }

    /** The id of the paragraph in one part of the joined structure tree. */
    private static String id(COSArray parts, int part) {
        COSDictionary document = (COSDictionary) parts.getObject(part);
        COSBase kids = document.getDictionaryObject(COSName.K);
        COSDictionary paragraph = (COSDictionary) (kids instanceof COSArray array ? array.getObject(0) : kids);
        return paragraph.getString(COSName.ID);
    }
}
