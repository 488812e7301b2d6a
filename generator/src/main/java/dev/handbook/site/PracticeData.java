package dev.handbook.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The practice page's data, as classic scripts under {@code practice/} (they load from {@code file://}): one
 * small file of cards (question, category, difficulty, page) and one file of answers per category, loaded when
 * a card of that category is shown. An answer is the maintainer's note and the fullest source answer, as the
 * topic page renders them (sanitised at build time), with topic links made relative to the site's root.
 */
final class PracticeData {
    private PracticeData() {
    }

    static void write(List<Views.Chapter> chapters, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, String>> cards = new ArrayList<>();
        for (Views.Chapter chapter : chapters) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (Views.TopicView t : chapter.topics()) {
                Map<String, String> card = new LinkedHashMap<>();
                card.put("s", t.slug());
                card.put("t", t.title());
                card.put("c", chapter.name());
                card.put("k", chapter.slug());
                card.put("d", t.difficulty());
                card.put("p", "topics/" + t.slug() + ".html");
                cards.add(card);
                answers.put(t.slug(), fromRoot(answer(t)));
            }
            Files.writeString(dir.resolve("answers-" + chapter.slug() + ".js"),
                    "window.handbookAnswers=Object.assign(window.handbookAnswers||{}," + json(answers) + ");\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("cards.js"), "window.handbookCards=" + json(cards) + ";\n",
                StandardCharsets.UTF_8);
    }

    /** The topic page's markup links other topics as "../topics/x.html"; the practice page is at the root. */
    private static String fromRoot(String html) {
        return html.replace("href=\"../topics/", "href=\"topics/");
    }

    private static String answer(Views.TopicView t) {
        StringBuilder html = new StringBuilder();
        if (!t.noteHtml().isEmpty()) {
            html.append("<div class=\"maintainer-note\"><p class=\"note-label\">In short</p>").append(t.noteHtml())
                    .append("</div>");
        }
        for (Views.AnswerView a : t.answers()) {
            if (!a.html().isEmpty() || !a.links().isEmpty()) {
                html.append("<p class=\"card-source\">").append(escape(a.source() == null ? "" : a.source().title()))
                        .append("</p>").append(a.html());
                for (Views.LinkView l : a.links()) {
                    html.append("<p>Answer elsewhere: <a href=\"").append(escape(l.url()))
                            .append("\" rel=\"nofollow noopener\">").append(escape(l.title())).append("</a></p>");
                }
                break; // the fullest answer is first
            }
        }
        return html.toString();
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("practice data is not serialisable", e);
        }
    }
}
