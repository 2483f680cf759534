package io.masthead.page;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadingTimeTest {
    @Test
    void wordsAtTwoHundredThirtyAMinuteRoundedUp() {
        assertEquals(1, ReadingTime.minutes(Fixtures.body(230)));
        assertEquals(2, ReadingTime.minutes(Fixtures.body(231)));
        assertEquals(5, ReadingTime.minutes(Fixtures.body(1100)));
    }

    @Test
    void markupScriptsStylesCommentsAndEntitiesAreNotWords() {
        String html = "<p class=\"lead\">one two</p><script>var a = 'x y z '.repeat(999)</script>"
                + "<style>p { color: red }</style><!-- note note note -->&amp; &#8212;";
        assertEquals(1, ReadingTime.minutes(html));
        assertEquals(0, ReadingTime.minutes("<p>&nbsp;</p><img src=x>"));
        assertEquals(0, ReadingTime.minutes(""));
    }

    @Test
    void hanAndKanaAreCountedByCharacter() {
        assertEquals(2, ReadingTime.minutes("<p>" + "\u6e2f".repeat(501) + "</p>"));
        assertEquals(1, ReadingTime.minutes("<p>" + "\u3072".repeat(500) + "</p>"));
    }

    @Test
    void arabicWordsWithVowelMarksCountOnce() {
        String word = "\u0643\u064e\u062a\u064e\u0628\u064e ";
        assertEquals(1, ReadingTime.minutes(word.repeat(230)));
        assertEquals(2, ReadingTime.minutes(word.repeat(231)));
    }
}
