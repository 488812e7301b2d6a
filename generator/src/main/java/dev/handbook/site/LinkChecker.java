package dev.handbook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks every internal link and anchor of a built site: each {@code href}/{@code src} that is not an external
 * URL must be relative, name an existing file, and, with a {@code #fragment}, an element with that id.
 * The build fails on a broken link, naming the page and the link.
 */
public final class LinkChecker {
    private LinkChecker() {
    }

    /** One broken link: the page (relative to the site root) and the link as written. */
    public record Broken(String page, String link, String reason) {
        @Override
        public String toString() {
            return page + ": " + link + " (" + reason + ")";
        }
    }

    private static final Pattern ALLOWED_SCHEME = Pattern.compile("(?i)https?:|mailto:|tel:");
    private static final Pattern ANY_SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:");

    public static List<Broken> check(Path site) throws IOException {
        return check(site, new Pages());
    }

    /**
     * Pages of a site already read by someone who reads every file anyway (the offline bundle), so the check need
     * not read them again. Thread-safe: pages may be added from any thread.
     */
    public static final class Pages {
        private final Map<String, PageLinks> read = new ConcurrentHashMap<>();

        /** @param path the page's path below the site root, '/'-separated; @param html its bytes, in UTF-8 */
        public void add(String path, byte[] html) {
            read.put(path, PageLinks.of(html));
        }
    }

    /** @param pages pages already read; the others are read here */
    public static List<Broken> check(Path site, Pages pages) throws IOException {
        // files by their path below the site root, '/'-separated, as links name them
        Set<String> files = new HashSet<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(site.relativize(p).toString().replace('\\', '/')));
        }
        List<String> pageNames = files.stream().filter(p -> p.endsWith(".html")).sorted().toList();
        // each page is read once, then checked, pages in parallel; what is broken is reported in page order
        try {
            Map<String, PageLinks> parsed = pageNames.parallelStream().collect(Collectors.toMap(page -> page, page -> {
                PageLinks known = pages.read.get(page);
                return known != null ? known : read(site.resolve(page));
            }));
            return pageNames.parallelStream().flatMap(page -> check(page, parsed, files).stream()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Broken> check(String page, Map<String, PageLinks> parsed, Set<String> files) {
        List<Broken> broken = new ArrayList<>();
        int slash = page.lastIndexOf('/');
        String directory = slash < 0 ? "" : page.substring(0, slash + 1);
        for (String link : parsed.get(page).links()) {
            // a scheme needs a colon: most links, relative paths, have none
            boolean colon = link.indexOf(':') >= 0;
            if (link.isEmpty() || colon && ALLOWED_SCHEME.matcher(link).lookingAt()) {
                continue;
            }
            if (colon && ANY_SCHEME.matcher(link).lookingAt() || link.startsWith("//")) {
                broken.add(new Broken(page, link, "not a link within the site"));
                continue;
            }
            if (link.startsWith("/")) {
                broken.add(new Broken(page, link, "absolute path; links must be relative"));
                continue;
            }
            int end = indexOfAny(link, '?', '#');
            String file = end < 0 ? link : link.substring(0, end);
            String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
            String target = file.isEmpty() ? page : normalize(directory + file);
            if (target == null || !files.contains(target)) {
                broken.add(new Broken(page, link, "no such file"));
            } else if (!fragment.isEmpty() && parsed.containsKey(target)
                    && !parsed.get(target).ids().contains(fragment)) {
                broken.add(new Broken(page, link, "no such anchor"));
            }
        }
        return broken;
    }

    /** "topics/../index.html" as "index.html"; null for a path that climbs out of the site. */
    static String normalize(String path) {
        if (!path.contains("./") && !path.contains("//") && !path.endsWith("/.") && !path.endsWith("/..")
                && !path.equals(".") && !path.equals("..")) {
            return path;
        }
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static PageLinks read(Path page) {
        try {
            return PageLinks.of(Files.readAllBytes(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
