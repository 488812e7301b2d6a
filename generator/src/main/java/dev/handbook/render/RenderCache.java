package dev.handbook.render;

import dev.handbook.memo.Hashes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rendered formulas and highlighted code, keyed by a hash of what was rendered and how (library version,
 * options, text), kept in memory for the build and in a file between builds, so a rebuild with nothing new never
 * starts the script engine. A missing or unreadable file is an empty cache.
 */
public final class RenderCache {
    private final Path file;
    private final Map<String, String> entries = new HashMap<>();
    private int hits;
    private int misses;
    private boolean changed;

    public RenderCache(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                entries.putAll(new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
            } catch (IOException e) {
                entries.clear(); // a damaged cache is only a slower build
            }
        }
    }

    /** True when nothing was read from a previous build: the script engine will surely be needed. */
    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** A cache that lives only as long as the build. */
    public static RenderCache inMemory() {
        return new RenderCache(null);
    }

    static String key(String... parts) {
        MessageDigest digest = Hashes.sha256();
        for (String p : parts) {
            digest.update(p.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return Hashes.hex(digest).substring(0, 32);
    }

    synchronized String get(String key) {
        String value = entries.get(key);
        if (value == null) {
            misses++;
        } else {
            hits++;
        }
        return value;
    }

    synchronized void put(String key, String value) {
        entries.put(key, value);
        changed = true;
    }

    public synchronized int hits() {
        return hits;
    }

    public synchronized int misses() {
        return misses;
    }

    /** Writes the cache file when something new was rendered. */
    public synchronized void save() throws IOException {
        if (file == null || !changed) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, new ObjectMapper().writeValueAsString(new TreeMap<>(entries)), StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        changed = false;
    }
}
