package dev.handbook.export;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chromium names the tagged PDF's table cells after its internal node numbers ({@code node00001133}), which shift
 * by one or two from run to run; the same book would then give different bytes. The ids are renamed by rank
 * ({@code node00000001}, ...: their order does not change), in the elements, in the cells' {@code /Headers} that
 * point at them, and in the structure tree's id index.
 */
final class StructureIds {
    private static final COSName ID_TREE = COSName.getPDFName("IDTree");
    private static final COSName HEADERS = COSName.getPDFName("Headers");
    private static final COSName LIMITS = COSName.getPDFName("Limits");

    private StructureIds() {
    }

    static void renumber(PDDocument doc) {
        COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
        if (root == null) {
            return;
        }
        List<COSDictionary> elements = elements(root);
        Set<String> ids = new TreeSet<>();
        for (COSDictionary element : elements) {
            if (element.getDictionaryObject(COSName.ID) instanceof COSString id) {
                ids.add(id.getString());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<String, String> renamed = new TreeMap<>();
        for (String id : ids) {
            renamed.put(id, String.format("node%08d", renamed.size() + 1));
        }
        for (COSDictionary element : elements) {
            if (element.getDictionaryObject(COSName.ID) instanceof COSString id) {
                element.setItem(COSName.ID, new COSString(renamed.get(id.getString())));
            }
            COSBase attributes = element.getDictionaryObject(COSName.A);
            List<COSBase> owners = new ArrayList<>();
            if (attributes instanceof COSArray array) {
                array.forEach(owners::add);
            } else if (attributes != null) {
                owners.add(attributes);
            }
            for (COSBase owner : owners) {
                COSBase resolved = owner instanceof COSObject o ? o.getObject() : owner;
                if (resolved instanceof COSDictionary attribute
                        && attribute.getDictionaryObject(HEADERS) instanceof COSArray headers) {
                    renameStrings(headers, renamed);
                }
            }
        }
        if (root.getDictionaryObject(ID_TREE) instanceof COSDictionary index) {
            renameIndex(index, renamed);
        }
    }

    /** Reads the structure tree's elements, which PDFBox otherwise reads when they are first used. */
    static void read(PDDocument doc) {
        COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
        if (root != null) {
            elements(root);
        }
    }

    /** Every structure element below the root, each once. */
    private static List<COSDictionary> elements(COSDictionary root) {
        List<COSDictionary> found = new ArrayList<>();
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(root.getDictionaryObject(COSName.K) == null ? new COSArray() : root.getDictionaryObject(COSName.K));
        while (!todo.isEmpty()) {
            COSBase node = todo.pop();
            if (node instanceof COSObject o) {
                node = o.getObject();
            }
            if (node instanceof COSArray kids) {
                kids.forEach(todo::push);
            } else if (node instanceof COSDictionary element && seen.add(element)
                    && !COSName.getPDFName("MCR").equals(element.getCOSName(COSName.TYPE))
                    && !COSName.getPDFName("OBJR").equals(element.getCOSName(COSName.TYPE))) {
                found.add(element);
                COSBase kids = element.getDictionaryObject(COSName.K);
                if (kids != null) {
                    todo.push(kids);
                }
            }
        }
        return found;
    }

    private static void renameStrings(COSArray strings, Map<String, String> renamed) {
        for (int i = 0; i < strings.size(); i++) {
            if (strings.getObject(i) instanceof COSString s && renamed.containsKey(s.getString())) {
                strings.set(i, new COSString(renamed.get(s.getString())));
            }
        }
    }

    /** The id index (a name tree: leaves of sorted id, element pairs) under the new names, still sorted. */
    private static void renameIndex(COSDictionary node, Map<String, String> renamed) {
        if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.getObject(i) instanceof COSDictionary kid) {
                    renameIndex(kid, renamed);
                }
            }
        }
        if (node.getDictionaryObject(COSName.NAMES) instanceof COSArray names) {
            renameStrings(names, renamed);
        }
        if (node.getDictionaryObject(LIMITS) instanceof COSArray limits) {
            renameStrings(limits, renamed);
        }
    }
}
