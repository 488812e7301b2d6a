package dev.handbook.export;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Table cells' ids in the tagged PDF do not depend on Chromium's node numbering. */
class StructureIdsTest {
    private static COSArray strings(String... values) {
        COSArray array = new COSArray();
        for (String v : values) {
            array.add(new COSString(v));
        }
        return array;
    }

    /** A table header cell with Chromium's id and a data cell pointing at it, offset by {@code shift}. */
    private static PDDocument tagged(int shift, COSDictionary[] cells) {
        PDDocument doc = new PDDocument();
        COSDictionary header = new COSDictionary();
        header.setName(COSName.S, "TH");
        header.setItem(COSName.ID, new COSString("node0000" + (1133 + shift)));
        COSDictionary cell = new COSDictionary();
        cell.setName(COSName.S, "TD");
        COSDictionary attribute = new COSDictionary();
        attribute.setItem(COSName.getPDFName("Headers"), strings("node0000" + (1133 + shift)));
        cell.setItem(COSName.A, new COSArray(List.of(attribute)));
        COSDictionary table = new COSDictionary();
        table.setName(COSName.S, "Table");
        table.setItem(COSName.K, new COSArray(List.of(header, cell)));
        COSDictionary index = new COSDictionary();
        index.setItem(COSName.getPDFName("Limits"), strings("node0000" + (1133 + shift), "node0000" + (1133 + shift)));
        COSArray names = strings("node0000" + (1133 + shift));
        names.add(header);
        index.setItem(COSName.NAMES, names);
        COSDictionary root = new COSDictionary();
        root.setItem(COSName.K, table);
        root.setItem(COSName.getPDFName("IDTree"), index);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.STRUCT_TREE_ROOT, root);
        cells[0] = header;
        cells[1] = cell;
        cells[2] = index;
        return doc;
    }

    @Test
    void idsAreRenamedByRankEverywhereTheyAreNamed() throws Exception {
        for (int shift : new int[]{0, 1}) {
            COSDictionary[] parts = new COSDictionary[3];
            try (PDDocument doc = tagged(shift, parts)) {
                StructureIds.renumber(doc);
                assertEquals("node00000001", parts[0].getString(COSName.ID));
                COSDictionary attribute = (COSDictionary) ((COSArray) parts[1].getDictionaryObject(COSName.A)).getObject(0);
                assertEquals("node00000001",
                        ((COSString) ((COSArray) attribute.getDictionaryObject("Headers")).getObject(0)).getString());
                assertEquals("node00000001", ((COSString) ((COSArray) parts[2].getDictionaryObject(COSName.NAMES))
                        .getObject(0)).getString());
                assertEquals("node00000001", ((COSString) ((COSArray) parts[2].getDictionaryObject("Limits"))
                        .getObject(1)).getString());
            }
        }
    }
}
