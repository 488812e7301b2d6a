package dev.handbook.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    public static List<Broken> check(Path site) throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        Map<Path, Set<String>> ids = new HashMap<>();
        List<Broken> broken = new ArrayList<>();
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            String shown = site.relativize(page).toString().replace('\\', '/');
            for (Element el : doc.select("a[href], link[href], script[src], img[src], iframe[src], source[src]")) {
                String link = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                if (link.isEmpty() || link.matches("(?i)^(https?:|mailto:|tel:).*")) {
                    continue;
                }
                if (link.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || link.startsWith("//")) {
                    broken.add(new Broken(shown, link, "not a link within the site"));
                    continue;
                }
                if (link.startsWith("/")) {
                    broken.add(new Broken(shown, link, "absolute path; links must be relative"));
                    continue;
                }
                String file = link.replaceFirst("[?#].*$", "");
                String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(new Broken(shown, link, "no such file"));
                } else if (!fragment.isEmpty() && target.toString().endsWith(".html")
                        && !ids.computeIfAbsent(target, LinkChecker::idsOf).contains(fragment)) {
                    broken.add(new Broken(shown, link, "no such anchor"));
                }
            }
        }
        return broken;
    }

    private static Set<String> idsOf(Path page) {
        try {
            Set<String> ids = new java.util.HashSet<>();
            Jsoup.parse(page.toFile(), "UTF-8").select("[id]").forEach(e -> ids.add(e.id()));
            return ids;
        } catch (IOException e) {
            return Set.of();
        }
    }
}
