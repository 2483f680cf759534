package io.masthead.card;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** The headline fills its box: balanced lines, the largest size that fits, cut only as a last resort. */
class TypesettingTest {
    private static final FontChain FONTS = FontChain.bundled();

    private static CardText og(String headline) {
        CardText.Words words = new CardText.Words(FONTS.cover("WORLD", true), FONTS.cover(headline, true),
                FONTS.cover("Photo: NASA", false), FONTS.cover("The Daily Masthead", true), Locale.ENGLISH);
        return CardText.set(1200, 630, words, false, 0xFFFFFF, 0xE2E2E2);
    }

    @Test
    void shortHeadlineTakesTheLargestSize() {
        CardText t = og("Moon landing");
        assertEquals(64f, t.headline().size());
        assertEquals(1, t.headline().lines().size());
        assertFalse(t.headline().cut());
    }

    @Test
    void linesAreBalancedWithNoLoneLastWord() {
        CardText t = og("Parliament approves the budget after a long night of talks in the capital city");
        var lines = t.headline().lines();
        assertTrue(lines.size() >= 2);
        float longest = 0;
        float shortest = Float.MAX_VALUE;
        for (Typesetter.Line l : lines) {
            longest = Math.max(longest, l.width());
            shortest = Math.min(shortest, l.width());
        }
        assertTrue(shortest / longest > 0.6, "balanced: shortest " + shortest + " of longest " + longest);
        // every line fits the 1080-pixel measure
        assertTrue(longest <= 1080.5f, "fits: " + longest);
        // the last line is more than one word: its width is well above a single long word's
        assertTrue(lines.get(lines.size() - 1).width() > 250, "no lone last word");
    }

    @Test
    void greedyWrapWouldLeaveALoneWordThatBalancingAvoids() {
        // at 64 px this fits 2 lines greedily with one short word left over
        CardText t = og("Storm closes every school across the northern region today");
        var lines = t.headline().lines();
        Typesetter.Line last = lines.get(lines.size() - 1);
        Typesetter.Line first = lines.get(0);
        assertTrue(last.width() / first.width() > 0.5, "last line " + last.width() + " vs first " + first.width());
    }

    @Test
    void longHeadlineShrinksThenIsCutWithAnEllipsis() {
        String longHeadline = ("The committee published its long-awaited report on the causes of the flooding, "
                + "naming the agencies responsible and recommending sweeping changes to how rivers are managed, "
                + "funded and monitored across every region of the country over the next twenty years");
        CardText t = og(longHeadline);
        assertTrue(t.headline().cut());
        assertEquals(36f, t.headline().size(), 0.01f, "cut only at the minimum size");
        assertEquals(3, t.headline().lines().size());
        Typesetter.Line last = t.headline().lines().get(2);
        assertTrue(last.width() <= 1080.5f);
        assertTrue(last.text().endsWith("\u2026"), "ends with an ellipsis: " + last.text());
        assertFalse(last.text().endsWith(" \u2026"), "cut at a word, no space before the ellipsis");
        assertTrue(longHeadline.startsWith(t.headline().lines().get(0).text()));
    }

    @Test
    void mediumHeadlineShrinksBeforeItIsCut() {
        String medium = "The committee published its long-awaited report on the causes of the flooding, naming the agencies responsible and recommending changes";
        CardText t = og(medium);
        assertFalse(t.headline().cut());
        assertTrue(t.headline().size() < 64f && t.headline().size() >= 36f, "size " + t.headline().size());
        assertTrue(t.headline().lines().size() <= 3);
    }

    @Test
    void textStaysInsideTheCard() {
        CardText t = og("A headline of ordinary length about an ordinary event in an ordinary town");
        for (CardText.Placed p : t.lines()) {
            var box = p.box();
            assertTrue(box.x >= 59 && box.x + box.width <= 1142 && box.y >= 0 && box.y + box.height <= 630,
                    p.role() + " inside the card: " + box);
        }
        assertTrue(t.blockTop() > 150, "the block sits in the lower part: " + t.blockTop());
    }
}
