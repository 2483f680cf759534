package io.masthead.card;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Legibility is measured: the scrim is just dark enough for 4.5:1 behind every line. */
class ContrastTest {
    private static final CardRenderer OG = new CardRenderer(Fixtures.SITE, List.of(Preset.OG));

    private static CardSet render(int rgb) {
        return OG.render(Fixtures.article(Fixtures.HEADLINE), Samples.png(Samples.solid(1200, 630, rgb)));
    }

    @Test
    void whitePhotoGetsAScrimDarkEnoughForWhiteText() {
        CardSet set = render(0xFFFFFF);
        RenderReport.PresetReport og = set.report().presets().get(0);
        assertTrue(og.worstContrast() >= Contrast.MINIMUM, "report: " + og.worstContrast());
        assertTrue(og.scrimOpacity() > 0.5 && og.scrimOpacity() < 0.7, "just enough: " + og.scrimOpacity());
        // measured on the decoded JPEG: the background pixels behind the headline (the darker half
        // of its box; the text is the lighter part) give white text at least 4.5:1
        BufferedImage card = Fixtures.decode(set.cards().get(0).jpeg());
        double[] lum = luminances(card, 60, 330, 1000, 200);
        Arrays.sort(lum);
        double background = lum[lum.length / 2];
        assertTrue(Contrast.ratio(1.0, background) >= Contrast.MINIMUM, "contrast " + Contrast.ratio(1.0, background));
        // and the top of the card, far from the text, is left white
        assertTrue(Fixtures.meanLuminance(card, 0, 0, 1200, 40) > 0.95);
    }

    @Test
    void darkPhotoNeedsNoScrim() {
        CardSet set = render(0x101010);
        assertEquals(0.0, set.report().presets().get(0).scrimOpacity());
        assertTrue(set.report().worstContrast() >= 12, "grey credit on near-black: " + set.report().worstContrast());
    }

    @Test
    void scrimGrowsWithBrightness() {
        double grey = render(0x909090).report().presets().get(0).scrimOpacity();
        double light = render(0xE0E0E0).report().presets().get(0).scrimOpacity();
        assertTrue(grey > 0 && light > grey, grey + " < " + light);
    }

    @Test
    void lightSiteColourGetsDarkText() {
        var site = new io.masthead.site.Site("Light", "https://a.example", "https://a.example", 50, "#f5f0e1", "", "");
        CardSet set = new CardRenderer(site, List.of(Preset.OG)).render(Fixtures.article(Fixtures.HEADLINE, "World", "en", null, null), null);
        assertTrue(set.report().worstContrast() >= Contrast.MINIMUM);
        BufferedImage card = Fixtures.decode(set.cards().get(0).jpeg());
        double[] lum = luminances(card, 60, 330, 1000, 200);
        Arrays.sort(lum);
        assertTrue(lum[lum.length / 50] < 0.05, "dark ink on the light card");
    }

    @Test
    void wcagFormulas() {
        assertEquals(21.0, Contrast.ratio(1.0, 0.0), 1e-9);
        assertEquals(1.0, Contrast.luminance(0xFFFFFF), 1e-9);
        assertEquals(0.0, Contrast.luminance(0x000000), 1e-9);
        // #767676 on white is the classic 4.54:1
        assertEquals(4.54, Contrast.ratio(1.0, Contrast.luminance(0x767676)), 0.01);
    }

    private static double[] luminances(BufferedImage img, int x0, int y0, int w, int h) {
        double[] out = new double[w * h];
        int i = 0;
        for (int y = y0; y < y0 + h; y++) for (int x = x0; x < x0 + w; x++) out[i++] = Contrast.luminance(img.getRGB(x, y) & 0xffffff);
        return out;
    }
}
