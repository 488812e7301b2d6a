package dev.handbook.site;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The search index reads words and snippets with loops that must agree with the plain expressions. */
class SearchTextTest {
    @Provide
    Arbitrary<String> texts() {
        // letters, digits and other numbers (², Ⅻ), apostrophes, a letter outside the BMP, spaces of every kind
        Arbitrary<String> pieces = Arbitraries.of("model", "Model's", "l'", "’s", "'", "’", "x2", "²", "Ⅻ",
                "k-means", "\uD835\uDC9C", "\uD835", "é", "naïve", " ", "  ", "\t", "\n", "\r\n", "\u2003", "\u00a0",
                ".", "?", "_", "42", "a", "O'Neil");
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void wordsAreWhatTheExpressionFinds(@ForAll("texts") String text) {
        List<String> expected = new ArrayList<>();
        Matcher m = SearchIndexBuilder.WORD.matcher(text);
        while (m.find()) {
            expected.add(m.group());
        }
        List<String> words = new ArrayList<>();
        SearchIndexBuilder.addWords(text, words);
        assertEquals(expected, words, text);
    }

    @Provide
    Arbitrary<String> answers() {
        Arbitrary<String> pieces = Arbitraries.of("word ", "longer words here. ", " ", "   ", "\n\n", "\t",
                "\u2003", "x", "A sentence that goes on for a while, ");
        return pieces.list().ofMaxSize(120).map(list -> String.join("", list));
    }

    @Property(tries = 1000)
    void aSnippetReadsOnlyTheBeginningOfALongAnswerButShowsTheSame(@ForAll("answers") String text) {
        String whole = text.replaceAll("\\s+", " ").strip();
        String collapsed = SearchIndexBuilder.collapsedSpaces(text);
        int shown = Math.min(whole.length(), SearchIndexBuilder.SNIPPET + 1);
        assertEquals(whole.substring(0, shown), collapsed.substring(0, Math.min(collapsed.length(), shown)), text);
        assertEquals(whole.length() > SearchIndexBuilder.SNIPPET, collapsed.length() > SearchIndexBuilder.SNIPPET,
                text);
    }

    @Test
    void aShortAnswerIsCollapsedWhole() {
        assertEquals("a b c", SearchIndexBuilder.collapsedSpaces("  a \n\n b\tc  "));
    }
}
