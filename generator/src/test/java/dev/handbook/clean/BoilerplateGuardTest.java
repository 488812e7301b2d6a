package dev.handbook.clean;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cheap tests that let most paragraphs skip the promotion and bio expressions never skip one the expression
 * would have caught: over texts made of the pieces those expressions look for, in any case and order.
 */
class BoilerplateGuardTest {
    @Provide
    Arbitrary<String> paragraphs() {
        Arbitrary<String> pieces = Arbitraries.of("http", "s://", "HTTPS://", "www", ".", "Www.", "example", ".com",
                ".CO", ".io", ".ai", ".net", ".org", "-", "_", " ", "  ", "\n", "Jane", "JANE", "shares", "Shares",
                "writes about", "has written", "is a", " IS A ", "writer", "content", "journalist", "editor",
                "freelance", "about the author", "About The Author", "written by", "Written By:", "career advice that",
                "\u0130", "\u212a", "é", "model", "answer", "!", ",");
        return pieces.list().ofMaxSize(14).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void aUrlTheExpressionFindsPassesTheGuard(@ForAll("paragraphs") String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (Boilerplate.URL.matcher(lower).find()) {
            assertTrue(Boilerplate.mayHoldUrl(lower), text);
        }
    }

    @Property(tries = 2000)
    void aBioTheExpressionFindsPassesTheGuard(@ForAll("paragraphs") String text) {
        if (Boilerplate.BIO.matcher(text).find()) {
            assertTrue(Boilerplate.mayBeBio(text.toLowerCase(Locale.ROOT)), text);
        }
    }

    @Property(tries = 200)
    void plainProseSkipsBothExpressions(@ForAll("prose") String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertFalse(Boilerplate.mayHoldUrl(lower), text);
        assertFalse(Boilerplate.mayBeBio(lower), text);
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.of("The model", " learns", " weights", " from data", ". It", " generalises", ", mostly",
                " when regularised", "!").list().ofMinSize(1).ofMaxSize(10).map(list -> String.join("", list));
    }
}
