package io.masthead.page;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainTextTest {
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void cleanRemovesControlsLoneSurrogatesAndNoncharactersAndCollapsesSpace() {
        assertEquals("a b c", PlainText.clean("  a\t\n b\u2028\u2029c \r\n"));
        assertEquals("ab", PlainText.clean("a\u0000\u0007\u009F\uFFFE\uFDD0b"));
        assertEquals("x y", PlainText.clean("x\uD800 \uDFFFy"));
        assertEquals("\uD83D\uDE00 ok", PlainText.clean("\uD83D\uDE00 ok"));
        assertEquals("\u200Fkeep\u00A0nbsp", PlainText.clean("\u200Fkeep\u00A0nbsp"), "marks and nbsp stay");
        assertEquals("", PlainText.clean(null));
    }

    @Test
    void shortTextIsUntouched() {
        String s = "Fits exactly";
        assertSame(s, PlainText.fit(s, 12, Locale.ENGLISH));
    }

    @Test
    void cutsAtAWordWithAnEllipsis() {
        String cut = PlainText.fit("The quick brown fox jumps over the lazy dog", 20, Locale.ENGLISH);
        assertEquals("The quick brown fox\u2026", cut);
        assertTrue(length(cut) <= 20);
    }

    @Test
    void dropsDanglingPunctuationBeforeTheEllipsis() {
        assertEquals("Storm, floods\u2026", PlainText.fit("Storm, floods, and then a long aftermath", 16, Locale.ENGLISH));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "ab " + "\uD83C\uDF0A".repeat(20);
        String cut = PlainText.fit(text, 10, Locale.ENGLISH);
        assertTrue(length(cut) <= 10, cut);
        assertTrue(cut.endsWith("\uD83C\uDF0A\u2026"), cut);
        for (int i = 0; i < cut.length(); i++) {
            if (Character.isHighSurrogate(cut.charAt(i))) assertTrue(Character.isLowSurrogate(cut.charAt(++i)));
            else assertTrue(!Character.isLowSurrogate(cut.charAt(i)));
        }
    }

    @Test
    void neverSplitsABaseFromItsCombiningMark() {
        // The fifth code point is U+0301 on the "e": cutting after four would strip the accent.
        assertEquals("caf\u2026", PlainText.fit("cafe\u0301cafe\u0301", 5, Locale.FRENCH));
        assertEquals("cafe\u0301\u2026", PlainText.fit("cafe\u0301cafe\u0301", 6, Locale.FRENCH));
    }

    @Test
    void neverCutsInsideAnEntityLikeRun() {
        String text = "Tom and Jerry &amp;&amp;&amp;&amp;&amp;&amp;";
        String cut = PlainText.fit(text, 22, Locale.ENGLISH);
        assertEquals("Tom and Jerry &amp;\u2026", cut, "the semicolon that closes an entity stays");
        String numeric = "Price rises&#8217;s&#8217;s&#8217;s";
        String cutNumeric = PlainText.fit(numeric, 20, Locale.ENGLISH);
        assertTrue(cutNumeric.matches("Price rises(&#8217;s)*(&#8217;)?\u2026"), cutNumeric);
    }

    @Test
    void cjkTextIsCutBetweenCharacters() {
        String text = "\u6e2f\u53e3\u56e0\u66b4\u98a8\u96e8\u95dc\u9589\uff0c\u6e21\u8f2a\u505c\u99db\u7b49\u5f85\u5929\u6c23\u597d\u8f49";
        String cut = PlainText.fit(text, 10, Locale.forLanguageTag("zh-Hant"));
        assertEquals(text.substring(0, 8) + "\u2026", cut);
    }

    @Test
    void oneVeryLongWordIsCutMidWordRatherThanEmptied() {
        String cut = PlainText.fit("Donaudampfschifffahrtsgesellschaftskapitän", 12, Locale.GERMAN);
        assertEquals("Donaudampfs\u2026", cut);
    }

    @Test
    void maxBelowTwoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlainText.fit("abc", 1, Locale.ENGLISH));
    }
}
