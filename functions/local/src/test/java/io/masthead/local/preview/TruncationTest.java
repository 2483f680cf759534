package io.masthead.local.preview;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TruncationTest {
    @Test
    void keepsTextThatFits() {
        assertEquals("Short headline", Truncation.cut("  Short headline ", 20));
    }

    @Test
    void cutsAtTheLastWordBeforeTheLimitWithAnEllipsis() {
        assertEquals("The council votes on the…", Truncation.cut("The council votes on the harbour plan", 30));
    }

    @Test
    void dropsPunctuationLeftAtTheCut() {
        assertEquals("Rain, wind…", Truncation.cut("Rain, wind, and snow expected tonight", 13));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "😀".repeat(10);
        String cut = Truncation.cut(emoji, 5);
        assertEquals("😀😀😀😀…", cut);
        assertEquals(5, cut.codePointCount(0, cut.length()));
    }

    @Test
    void cutsInsideAVeryLongWordRatherThanLosingEverything() {
        assertEquals("abcdefghi…", Truncation.cut("abcdefghijklmnop qr", 10));
    }

    @Test
    void platformsApplyTheirOwnLimits() {
        String title = "word ".repeat(40).strip();
        assertEquals(title, Platform.DISCORD.title(title));
        assertEquals(84 + 1, Platform.FACEBOOK.title(title).length());
        assertEquals("", Platform.X.description(title), "X shows no description on large image cards");
    }
}
