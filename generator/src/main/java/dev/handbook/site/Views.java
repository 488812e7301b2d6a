package dev.handbook.site;

import java.util.List;

/**
 * What templates may use. Strings are plain text (Pebble escapes them) except fields named {@code html}, which
 * hold HTML the render stage already sanitised. Paths are relative to the page (they start with {@code root}).
 */
final class Views {
    private Views() {
    }

    record SiteView(String title, String description, String repository, String generator, int topicCount,
                    int itemCount, int sourceCount) {
    }

    record CategoryView(String name, String slug, String path, int count, List<TopicLink> topics) {
    }

    record TopicLink(String title, String path, String difficulty, int sources, boolean answered) {
    }

    record SourceView(String id, String title, String author, String publisher, String url, String license,
                      String notice, String file, int items, String anchor) {
    }

    /** @param askedAs the source's wording when it differs from the topic's title, else "" */
    record AnswerView(SourceView source, String askedAs, String html, boolean answered, List<LinkView> links,
                      List<String> notes, String lines, String ref) {
    }

    record LinkView(String title, String url) {
    }

    /** One wording of the question and the sources that use it. */
    record Phrasing(String text, List<String> sources) {
    }

    /** @param noteHtml the maintainer's note, rendered, or "" */
    record TopicView(String slug, String title, String category, String categoryPath, String difficulty,
                     List<Phrasing> phrasings, String noteHtml, List<AnswerView> answers, List<TopicLink> related,
                     TopicLink previous, TopicLink next) {
    }

    /** A chapter of the printed book: a category and its topics. */
    record Chapter(String name, String slug, List<TopicView> topics) {
    }
}
