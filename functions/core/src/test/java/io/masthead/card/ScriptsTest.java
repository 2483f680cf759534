package io.masthead.card;

import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Headlines in every script: set with the bundled fonts, right to left where they read so, never a box. */
class ScriptsTest {
    private static final CardRenderer OG = new CardRenderer(Fixtures.SITE, List.of(Preset.OG));

    private static CardSet textCard(String headline, String language) {
        return OG.render(Fixtures.article(headline, "World", language, null, null), null);
    }

    @Test
    void latinGreekCyrillicArabicHebrewAreFullyCovered() {
        for (String[] h : new String[][] {
                {"en", "Zo\u00eb's caf\u00e9 na\u00efvet\u00e9: \u0141\u00f3d\u017a and \u0218tefan"},
                {"el", "\u0397 \u0391\u03b8\u03ae\u03bd\u03b1 \u03c8\u03b7\u03c6\u03af\u03b6\u03b5\u03b9 \u03c3\u03ae\u03bc\u03b5\u03c1\u03b1"},
                {"ru", "\u041c\u043e\u0441\u043a\u0432\u0430 \u0433\u043e\u0442\u043e\u0432\u0438\u0442\u0441\u044f \u043a \u0432\u044b\u0431\u043e\u0440\u0430\u043c"},
                {"ar", "\u0627\u0644\u0639\u0631\u0627\u0642 \u064a\u0633\u062a\u0639\u062f \u0644\u0625\u0646\u0647\u0627\u0621 \u0645\u0647\u0645\u0629 \u0627\u0644\u062a\u062d\u0627\u0644\u0641"},
                {"he", "\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd \u05de\u05ea\u05db\u05d5\u05e0\u05e0\u05ea \u05dc\u05d1\u05d7\u05d9\u05e8\u05d5\u05ea"}}) {
            CardSet set = textCard(h[1], h[0]);
            assertEquals(List.of(), set.report().missingGlyphs(), h[0]);
            assertEquals(1.0, set.report().glyphCoverage(), h[0]);
            assertTrue(set.report().presets().get(0).headlineLines() >= 1, h[0]);
        }
    }

    @Test
    void arabicAndHebrewAreRightAligned() {
        for (String[] h : new String[][] {
                {"ar", "\u0627\u0644\u0639\u0631\u0627\u0642 \u064a\u0633\u062a\u0639\u062f"},
                {"he", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd"}}) {
            BufferedImage card = Fixtures.decode(textCard(h[1], h[0]).cards().get(0).jpeg());
            Rectangle ink = inkBounds(card, 150, 500);
            assertTrue(ink.x > 600, h[0] + ": a short RTL headline starts right of the middle, ink from x=" + ink.x);
            assertEquals(1140, ink.x + ink.width, 8, h[0] + ": ends at the right margin");
        }
        BufferedImage latin = Fixtures.decode(textCard("Peace in our time", "en").cards().get(0).jpeg());
        Rectangle ink = inkBounds(latin, 150, 500);
        assertEquals(60, ink.x, 8, "LTR starts at the left margin");
        assertTrue(ink.x + ink.width < 900);
    }

    @Test
    void mixedDirectionKeepsEachRunInItsOwnOrder() {
        // Hebrew "news" + CNN + Hebrew "today": in an RTL line the first Hebrew word is rightmost and CNN reads C, N, N left to right
        String text = "\u05d7\u05d3\u05e9\u05d5\u05ea CNN \u05d4\u05d9\u05d5\u05dd";
        Coverage c = FontChain.bundled().cover(text, true);
        assertTrue(c.rtl());
        Typesetter.Block b = Typesetter.line(c, Locale.forLanguageTag("he"), 60, 1000, 0);
        var layout = b.lines().get(0).layout();
        assertFalse(layout.isLeftToRight());
        double firstHebrew = layout.getLogicalHighlightShape(0, 1).getBounds2D().getCenterX();
        double c0 = layout.getLogicalHighlightShape(6, 7).getBounds2D().getCenterX();
        double n1 = layout.getLogicalHighlightShape(7, 8).getBounds2D().getCenterX();
        double lastHebrew = layout.getLogicalHighlightShape(text.length() - 1, text.length()).getBounds2D().getCenterX();
        assertTrue(c0 < n1, "CNN reads left to right");
        assertTrue(firstHebrew > n1, "the first Hebrew word is right of CNN");
        assertTrue(lastHebrew < c0, "the last Hebrew word is left of CNN");
    }

    @Test
    void uncoveredCharactersAreLeftOutAndReportedNeverBoxes() {
        CardSet withCjk = textCard("Markets in \u6771\u4eac rally \ud83d\ude80 today", "en");
        assertEquals(List.of("\u6771", "\u4eac", "\ud83d\ude80"), withCjk.report().missingGlyphs());
        assertTrue(withCjk.report().glyphCoverage() < 1.0);
        assertTrue(withCjk.report().notes().stream().anyMatch(n -> n.contains("U+6771")), withCjk.report().notes().toString());
        // nothing is drawn for them: the card is exactly the card of the headline without them
        CardSet without = textCard("Markets in rally today", "en");
        assertArrayEquals(without.cards().get(0).jpeg(), withCjk.cards().get(0).jpeg());
    }

    @Test
    void fontsFolderExtendsTheChain() throws URISyntaxException {
        String hindi = "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e"; // Namaste duniya
        CardSet bundled = textCard(hindi, "hi");
        assertFalse(bundled.report().missingGlyphs().isEmpty(), "DejaVu has no Devanagari");

        Path fonts = Path.of(ScriptsTest.class.getResource("/card/fonts/Lohit-Devanagari.ttf").toURI()).getParent();
        CardRenderer extended = CardRenderer.fromEnv(Fixtures.SITE, List.of(Preset.OG), Map.of("FONTS_DIR", fonts.toString()));
        CardSet set = extended.render(Fixtures.article(hindi, "World", "hi", null, null), null);
        assertEquals(List.of(), set.report().missingGlyphs());
        assertEquals(1.0, set.report().glyphCoverage());
        assertTrue(set.report().fonts().contains("Lohit Devanagari"), set.report().fonts().toString());
        BufferedImage card = Fixtures.decode(set.cards().get(0).jpeg());
        Rectangle ink = inkBounds(card, 150, 500);
        assertTrue(ink.width > 200, "the Devanagari headline is drawn: " + ink);
    }

    /** Bounds of light (text) pixels between two rows of a dark card. */
    static Rectangle inkBounds(BufferedImage img, int fromY, int toY) {
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (Contrast.luminance(img.getRGB(x, y) & 0xffffff) > 0.5) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) return new Rectangle();
        return new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
