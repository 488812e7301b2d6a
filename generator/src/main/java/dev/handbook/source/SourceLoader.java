package dev.handbook.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.handbook.diag.Diagnostics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads every document in {@code <content>/sources/} with its entry from {@code <content>/sources.yaml}.
 *
 * <p>Bad files never stop the build: an empty or binary file is skipped with a warning, invalid UTF-8 is decoded
 * with replacement characters (a warning names the first bad line), a file missing from sources.yaml gets an id and
 * title derived from its name and content. Documents come back in sources.yaml's order, then unlisted files by
 * name, so builds are deterministic.
 */
public final class SourceLoader {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SourcesFile(List<SourceMetadata> sources) {
    }

    private final Diagnostics diagnostics;

    public SourceLoader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public List<SourceDocument> load(Path contentDir) {
        Path sourcesDir = contentDir.resolve("sources");
        Map<String, SourceMetadata> metadata = readMetadata(contentDir.resolve("sources.yaml"));
        List<String> listedOrder = new ArrayList<>(metadata.keySet());
        // sources.yaml's order first (the maintainer's), then unlisted files by name
        List<Path> files = new ArrayList<>(listFiles(sourcesDir));
        files.sort(java.util.Comparator.comparingInt((Path f) -> {
            int at = listedOrder.indexOf(f.getFileName().toString());
            return at < 0 ? Integer.MAX_VALUE : at;
        }).thenComparing(Path::getFileName));
        for (String listed : metadata.keySet()) {
            if (files.stream().noneMatch(f -> f.getFileName().toString().equals(listed))) {
                diagnostics.warn(display(contentDir.resolve("sources.yaml")), 0,
                        "sources.yaml lists '" + listed + "' but content/sources/ has no such file",
                        "add the file or remove its entry");
            }
        }
        // files are read, decoded and their format guessed in parallel; each file's messages are kept apart and
        // reported in the files' order, so the output is the same whichever file was done first
        List<Loaded> loaded = files.parallelStream().map(file -> {
            Diagnostics own = new Diagnostics();
            return new Loaded(new SourceLoader(own).loadOne(file, metadata.get(file.getFileName().toString())), own);
        }).toList();
        List<SourceDocument> documents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Loaded one : loaded) {
            one.diagnostics().all().forEach(diagnostics::add);
            SourceDocument doc = one.document();
            if (doc == null) {
                continue;
            }
            if (!ids.add(doc.id())) {
                String unique = uniqueId(doc.id(), ids);
                diagnostics.warn(doc.file(), 0, "duplicate source id '" + doc.id() + "', using '" + unique + "'",
                        "give each source its own id in sources.yaml");
                doc = new SourceDocument(unique, doc.file(), doc.title(), doc.author(), doc.publisher(), doc.url(),
                        doc.license(), doc.notice(), doc.format(), doc.lines());
            }
            documents.add(doc);
        }
        return List.copyOf(documents);
    }

    /** A file's document (null when it was skipped) and what loading it reported. */
    private record Loaded(SourceDocument document, Diagnostics diagnostics) {
    }

    private static String uniqueId(String id, Set<String> taken) {
        int n = 2;
        while (taken.contains(id + "-" + n)) {
            n++;
        }
        taken.add(id + "-" + n);
        return id + "-" + n;
    }

    private Map<String, SourceMetadata> readMetadata(Path yaml) {
        Map<String, SourceMetadata> byFile = new LinkedHashMap<>();
        Optional<SourcesFile> parsed = YamlFile.read(yaml, SourcesFile.class, diagnostics,
                "sources are loaded without their metadata meanwhile");
        if (parsed.isPresent() && parsed.get().sources() != null) {
            for (SourceMetadata m : parsed.get().sources()) {
                if (m == null || m.file() == null || m.file().isBlank()) {
                    diagnostics.warn(display(yaml), 0, "an entry has no 'file'", "every entry names its file");
                    continue;
                }
                byFile.put(m.file(), m);
            }
        }
        return byFile;
    }

    private List<Path> listFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            diagnostics.error(display(dir), 0, "no sources directory", "put documents in content/sources/");
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            diagnostics.error(display(dir), 0, "cannot list sources: " + e.getMessage(), "");
            return List.of();
        }
    }

    private SourceDocument loadOne(Path file, SourceMetadata meta) {
        String shown = display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.error(shown, 0, "cannot read file: " + e.getMessage(), "check its permissions");
            return null;
        }
        if (bytes.length == 0 || (!hasVisibleAscii(bytes) && new String(bytes, StandardCharsets.UTF_8).isBlank())) {
            diagnostics.warn(shown, 0, "empty source, skipped", "add content or remove the file");
            return null;
        }
        if (looksBinary(bytes)) {
            diagnostics.warn(shown, 0, "binary file, skipped", "sources must be plain text, Markdown or HTML");
            return null;
        }
        String text = decode(bytes, shown);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        SourceFormat format = format(meta, file, text, shown);
        List<String> lines;
        if (format == SourceFormat.HTML) {
            lines = List.of(HtmlToMarkdown.convert(text).split("\n", -1));
            format = SourceFormat.MARKDOWN;
        } else {
            lines = List.of(text.split("\n", -1));
        }
        warnAboutShape(lines, format, shown);
        String fileName = file.getFileName().toString();
        String id = meta != null && notBlank(meta.id()) ? meta.id() : derivedId(fileName);
        if (meta == null) {
            diagnostics.info(shown, 0, "not listed in sources.yaml; id '" + id + "' derived from the file name");
        }
        String title = meta != null && notBlank(meta.title()) ? meta.title() : derivedTitle(lines, fileName);
        return new SourceDocument(id, shown, title, meta == null ? "" : meta.author(),
                meta == null ? "" : meta.publisher(), meta == null ? "" : meta.url(),
                meta == null ? "" : meta.license(), meta == null ? "" : meta.notice(), format, lines);
    }

    /** Whether the bytes hold a printable ASCII character: then the text is not blank, and need not be decoded. */
    private static boolean hasVisibleAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b > ' ' && b < 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Lines past this length are kept, but are almost certainly a capture gone wrong (and slow to read). */
    static final int LONG_LINE = 100_000;

    /** Warnings about text that will build, but not as its writer meant: very long lines, a code fence never closed. */
    private void warnAboutShape(List<String> lines, SourceFormat format, String shown) {
        int openFence = 0;
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > LONG_LINE) {
                diagnostics.warn(shown, i + 1, "line of " + line.length() + " characters",
                        "check the capture: a whole page on one line reads as one paragraph");
            }
            String t = line.strip();
            if (format == SourceFormat.MARKDOWN && (t.startsWith("```") || t.startsWith("~~~"))) {
                if (fence == null) {
                    fence = t.substring(0, 3);
                    openFence = i + 1;
                } else if (t.startsWith(fence) && t.substring(3).isBlank()) {
                    fence = null;
                }
            }
        }
        if (fence != null) {
            diagnostics.warn(shown, openFence, "code fence opened here is never closed",
                    "close it with " + fence + "; until then the rest of the file reads as code");
        }
    }

    /** NUL bytes or many control characters in the first 8 kB mean this is not a text document. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                control++;
            }
        }
        return control > n / 10;
    }

    private String decode(byte[] bytes, String shown) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = firstInvalidUtf8Line(bytes);
            diagnostics.warn(shown, line, "invalid UTF-8; bad bytes replaced with \uFFFD",
                    "re-save the file as UTF-8");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static int firstInvalidUtf8Line(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT);
                try {
                    d.decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private SourceFormat format(SourceMetadata meta, Path file, String text, String shown) {
        if (meta != null && notBlank(meta.format())) {
            switch (meta.format().trim().toLowerCase(Locale.ROOT)) {
                case "text", "txt", "plain" -> { return SourceFormat.TEXT; }
                case "markdown", "md" -> { return SourceFormat.MARKDOWN; }
                case "html", "htm" -> { return SourceFormat.HTML; }
                default -> diagnostics.warn(shown, 0, "unknown format '" + meta.format() + "', detecting it",
                        "use text, markdown or html");
            }
        }
        return FormatDetector.detect(file.getFileName().toString(), text);
    }

    static String derivedId(String fileName) {
        String base = fileName.replaceFirst("\\.[^.]+$", "").toLowerCase(Locale.ROOT);
        String id = base.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return id.isEmpty() ? "source" : id;
    }

    private static String derivedTitle(List<String> lines, String fileName) {
        for (String line : lines) {
            String t = line.replaceAll("^#+\\s*", "").replaceAll("[*_`]", "").strip();
            if (!t.isEmpty() && !t.startsWith("<")) {
                return t.length() > 120 ? t.substring(0, 120) : t;
            }
        }
        return fileName;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
