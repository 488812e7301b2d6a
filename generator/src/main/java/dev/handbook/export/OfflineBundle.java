package dev.handbook.export;

import dev.handbook.site.Output;
import dev.handbook.site.SiteModel;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code downloads/handbook-offline.zip}: the whole site in one folder, {@code handbook/}, to unzip anywhere and
 * open {@code index.html} from disk. Entries are sorted and carry a fixed timestamp, so the same site gives the
 * same bytes.
 */
public final class OfflineBundle implements Output {
    static final String ZIP = "handbook-offline.zip";
    /** 2000-01-01T00:00:00Z: zip timestamps say nothing about when the build ran. */
    static final FileTime FIXED_TIME = FileTime.fromMillis(946684800000L);

    @Override
    public String name() {
        return "zip";
    }

    /** The offline copy does not offer itself for download: a page's link to the zip is left out of the zip. */
    private static byte[] withoutSelfLink(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        doc.select("a[href$=" + ZIP + "]").remove();
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(SiteModel model, Path out) throws IOException {
        Path zip = Files.createDirectories(out.resolve("downloads")).resolve(ZIP);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(zip)).sorted().toList();
        }
        try (OutputStream stream = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(stream)) {
            zipOut.setLevel(Deflater.BEST_COMPRESSION);
            for (Path file : files) {
                String name = "handbook/" + out.relativize(file).toString().replace('\\', '/');
                ZipEntry entry = new ZipEntry(name);
                entry.setLastModifiedTime(FIXED_TIME);
                entry.setCreationTime(FIXED_TIME);
                entry.setLastAccessTime(FIXED_TIME);
                zipOut.putNextEntry(entry);
                if (file.toString().endsWith(".html") && Files.readString(file).contains(ZIP)) {
                    zipOut.write(withoutSelfLink(file));
                } else {
                    Files.copy(file, zipOut);
                }
                zipOut.closeEntry();
            }
        }
    }
}
