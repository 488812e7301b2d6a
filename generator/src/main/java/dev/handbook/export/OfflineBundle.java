package dev.handbook.export;

import dev.handbook.site.Output;
import dev.handbook.site.SiteModel;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.regex.Pattern;
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
    /** Where the bundle is written, relative to the site root. */
    public static final String PATH = "downloads/" + ZIP;
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

    private static final Pattern COMPRESSED = Pattern.compile("\\.(woff2?|pdf|zip|png|jpe?g|gif)$");

    private static byte[] content(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean linksTheZip = file.toString().endsWith(".html")
                    && new String(bytes, StandardCharsets.UTF_8).contains(ZIP);
            return linksTheZip ? withoutSelfLink(file) : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(SiteModel model, Path out) throws IOException {
        Path zip = Files.createDirectories(out.resolve("downloads")).resolve(ZIP);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(zip)).sorted().toList();
        }
        // pages are read (and their link to the zip removed) in parallel; the zip is written in order
        List<byte[]> contents;
        try {
            contents = files.parallelStream().map(OfflineBundle::content).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        try (OutputStream stream = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(stream)) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String name = "handbook/" + out.relativize(file).toString().replace('\\', '/');
                ZipEntry entry = new ZipEntry(name);
                entry.setLastModifiedTime(FIXED_TIME);
                entry.setCreationTime(FIXED_TIME);
                entry.setLastAccessTime(FIXED_TIME);
                // fonts and the PDF are compressed already: deflating them again only costs time
                // (the default level: level 9 took a quarter longer for a file 0.2 % smaller)
                zipOut.setLevel(COMPRESSED.matcher(name).find() ? Deflater.NO_COMPRESSION
                        : Deflater.DEFAULT_COMPRESSION);
                zipOut.putNextEntry(entry);
                zipOut.write(contents.get(i));
                zipOut.closeEntry();
            }
        }
    }
}
