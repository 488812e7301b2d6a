package dev.handbook.clean;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The key under which a document's repeated lines (banners, bios) are recognised. */
class BoilerplateKeyTest {
    private static String byExpression(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("aZ09 ._-*#|\t'\"é–")
                .ofMaxLength(90);
    }

    @Property(tries = 500)
    void isLowerCaseWordsSeparatedBySingleSpaces(@ForAll("lines") String line) {
        assertEquals(byExpression(line), Boilerplate.key(line));
    }

    @Provide
    Arbitrary<String> bannerEndings() {
        return Arbitraries.strings().withChars("aZ09 .,-|'é_*`\\").ofMaxLength(40);
    }

    @Property(tries = 200)
    void aLongLineTheDocumentRepeatsIsBoilerplate(@ForAll("bannerEndings") String line) {
        String banner = "**Follow me** for more machine learning interview tips, every week, on my blog! " + line;
        Boilerplate boilerplate = Boilerplate.forDocument(List.of(banner, "An answer.", banner.toUpperCase(Locale.ROOT)));
        assertNotNull(boilerplate.reason(banner, false), banner);
        assertNull(boilerplate.reason("An answer that is not repeated anywhere else in the text.", false));
    }
}
