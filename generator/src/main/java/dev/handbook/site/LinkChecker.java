package dev.handbook.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final Pattern ALLOWED_SCHEME = Pattern.compile("(?i)^(https?:|mailto:|tel:).*");
    private static final Pattern ANY_SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");

    /** What the check needs of one page: the ids it defines and the links it makes, in document order. */
    private record PageLinks(Set<String> ids, List<String> links) {
    }

    public static List<Broken> check(Path site) throws IOException {
        return check(site, Set.of());
    }

    /**
     * @param beingWritten files (relative to the site root) that another output is writing meanwhile: links to
     *                     them count as links to existing files
     */
    public static List<Broken> check(Path site, Set<String> beingWritten) throws IOException {
        List<Path> pages;
        Set<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toCollection(HashSet::new));
        }
        beingWritten.forEach(f -> files.add(site.resolve(f).normalize()));
        pages = files.stream().filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).sorted().toList();
        // each page is parsed once, pages in parallel; the links are then checked in page order
        Map<Path, PageLinks> parsed;
        try {
            parsed = pages.parallelStream().collect(Collectors.toMap(page -> page, LinkChecker::read));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Broken> broken = new ArrayList<>();
        for (Path page : pages) {
            String shown = site.relativize(page).toString().replace('\\', '/');
            for (String link : parsed.get(page).links()) {
                if (link.isEmpty() || ALLOWED_SCHEME.matcher(link).matches()) {
                    continue;
                }
                if (ANY_SCHEME.matcher(link).matches() || link.startsWith("//")) {
                    broken.add(new Broken(shown, link, "not a link within the site"));
                    continue;
                }
                if (link.startsWith("/")) {
                    broken.add(new Broken(shown, link, "absolute path; links must be relative"));
                    continue;
                }
                int end = indexOfAny(link, '?', '#');
                String file = end < 0 ? link : link.substring(0, end);
                String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!target.startsWith(site) || !files.contains(target)) {
                    broken.add(new Broken(shown, link, "no such file"));
                } else if (!fragment.isEmpty() && parsed.containsKey(target)
                        && !parsed.get(target).ids().contains(fragment)) {
                    broken.add(new Broken(shown, link, "no such anchor"));
                }
            }
        }
        return broken;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static PageLinks read(Path page) {
        Document doc;
        try {
            doc = Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        List<String> links = new ArrayList<>();
        for (Element el : doc.select("a[href], link[href], script[src], img[src], iframe[src], source[src]")) {
            links.add(el.hasAttr("href") ? el.attr("href") : el.attr("src"));
        }
        return new PageLinks(ids, links);
    }
}
