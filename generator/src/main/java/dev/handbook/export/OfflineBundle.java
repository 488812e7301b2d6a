package dev.handbook.export;

import dev.handbook.site.AsciiBytes;
import dev.handbook.site.Output;
import dev.handbook.site.SiteModel;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/**
 * {@code downloads/handbook-offline.zip}: the whole site in one folder, {@code handbook/}, to unzip anywhere and
 * open {@code index.html} from disk. Entries are sorted and carry a fixed timestamp, so the same site gives the
 * same bytes.
 */
public final class OfflineBundle implements Output {
    static final String ZIP = "handbook-offline.zip";
    /**
     * 2000-01-01 00:00: zip timestamps say nothing about when the build ran. Entries carry only the DOS date and
     * time, which zip writers derive from the local time zone, so the instant is taken in that zone: the bytes are
     * the same wherever the build runs. (Extended-time fields would cost 90 bytes an entry, and a third of the
     * zip's time copying them: the library re-reads them with BigDecimal arithmetic for every raw entry.)
     */
    static long fixedTime() {
        return LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @Override
    public String name() {
        return "zip";
    }

    /** The offline copy does not offer itself for download: a page's link to the zip is left out of the zip. */
    private static byte[] withoutSelfLink(String page) {
        Document doc = Jsoup.parse(page);
        doc.select("a[href$=" + ZIP + "]").remove();
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static final int DEFLATE_LEVEL = 4;
    /** Files read and deflated ahead of the writer: enough to keep every core busy, few enough to bound memory. */
    private static final int WINDOW = 64;
    private static final Pattern COMPRESSED = Pattern.compile("\\.(woff2?|pdf|zip|png|jpe?g|gif)$");

    /** The file's bytes for the bundle; an HTML page is also handed, as read, to {@code pages}. */
    private static byte[] content(Path file, String name, BiConsumer<String, byte[]> pages) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!name.endsWith(".html")) {
                return bytes;
            }
            pages.accept(name, bytes);
            // the zip's name is ASCII, so its UTF-8 bytes are found without decoding the page
            return AsciiBytes.indexOf(bytes, ZIP_NAME, 0) >= 0
                    ? withoutSelfLink(new String(bytes, StandardCharsets.UTF_8)) : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] ZIP_NAME = AsciiBytes.ascii(ZIP);

    /** One file of the bundle, read and deflated (or stored, when already compressed), ready to be written. */
    private record Packed(String name, byte[] data, int method, long crc, long size) {
    }

    private static Packed pack(Path out, Path file, BiConsumer<String, byte[]> pages) {
        String path = out.relativize(file).toString().replace('\\', '/');
        String name = "handbook/" + path;
        byte[] bytes = content(file, path, pages);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        // fonts and the PDF are compressed already: deflating them again only costs time. The rest at level 4:
        // on the 10k handbook a fifth faster than the default level 6 for a bundle 2.6 % larger (level 9 took a
        // quarter longer than 6 for 0.2 % smaller)
        if (COMPRESSED.matcher(name).find()) {
            return new Packed(name, bytes, ZipEntry.STORED, crc.getValue(), bytes.length);
        }
        Deflater deflater = new Deflater(DEFLATE_LEVEL, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            // deflated straight into one array, room enough for input that does not compress (a page's worth,
            // not a 64 KB buffer per file: with thousands of files that was a tenth of the build's allocation)
            byte[] deflated = new byte[bytes.length + (bytes.length >> 3) + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == deflated.length) {
                    deflated = Arrays.copyOf(deflated, deflated.length * 2);
                }
                length += deflater.deflate(deflated, length, deflated.length - length);
            }
            return new Packed(name, Arrays.copyOf(deflated, length), ZipEntry.DEFLATED, crc.getValue(),
                    bytes.length);
        } finally {
            deflater.end();
        }
    }

    @Override
    public void write(SiteModel model, Path out) throws IOException {
        write(model, out, (path, page) -> { });
    }

    /**
     * Writes the bundle, handing each HTML page of the site, as it is read for the bundle, to {@code pages}: its
     * path below the site root ('/'-separated) and its UTF-8 bytes, from the threads that read it. The link check
     * reads the pages this way instead of reading every file a second time.
     */
    public void write(SiteModel model, Path out, BiConsumer<String, byte[]> pages) throws IOException {
        Path zip = Files.createDirectories(out.resolve("downloads")).resolve(ZIP);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(zip)).sorted().toList();
        }
        // files are read and deflated on every core, at most WINDOW ahead of the writer (so memory stays bounded),
        // and written in order as raw entries: the same site gives the same bytes however the threads ran
        long time = fixedTime();
        ExecutorService packers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "offline-bundle");
            thread.setDaemon(true);
            return thread;
        });
        try (ZipArchiveOutputStream zipOut = new ZipArchiveOutputStream(zip)) {
            ArrayDeque<Future<Packed>> window = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < WINDOW) {
                    Path file = files.get(next++);
                    window.add(packers.submit(() -> pack(out, file, pages)));
                }
                Packed packed = packed(window.poll());
                ZipArchiveEntry entry = new ZipArchiveEntry(packed.name());
                entry.setMethod(packed.method());
                entry.setCrc(packed.crc());
                entry.setSize(packed.size());
                entry.setCompressedSize(packed.data().length);
                entry.setTime(time);
                zipOut.addRawArchiveEntry(entry, new ByteArrayInputStream(packed.data()));
            }
        } finally {
            packers.shutdownNow();
        }
    }

    private static Packed packed(Future<Packed> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the offline bundle", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
