package io.masthead.card;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the words go on one preset: kicker, headline, credit line and site name, set bottom-up
 * in the lower part of the card, aligned to the headline's reading direction.
 *
 * @param lines    every line with its position and colour
 * @param blockTop the top of the text block (the scrim is fully opaque-enough from here down)
 * @param headline the headline as set (size, lines, cut)
 */
record CardText(List<Placed> lines, int blockTop, Typesetter.Block headline) {

    /** A set line at its place. {@code x} is the left end of the line, {@code baseline} its baseline. */
    record Placed(String role, Typesetter.Line line, float x, float baseline, int rgb) {
        /** The pixels behind this line. */
        Rectangle box() {
            int top = (int) Math.floor(baseline - line.ascent());
            int bottom = (int) Math.ceil(baseline + line.descent());
            return new Rectangle((int) Math.floor(x), top, (int) Math.ceil(line.width()) + 1, bottom - top);
        }
    }

    /** The texts to set, already covered by fonts. */
    record Words(Coverage kicker, Coverage headline, Coverage credit, Coverage site, Locale locale) {
    }

    /** Sizes for one preset, from its shape. */
    record Metrics(float margin, float bottomMargin, float headMax, float headMin, int headLines,
                   float headMaxHeight, float kicker, float small) {

        static Metrics of(int w, int h, boolean textCard) {
            double aspect = (double) w / h;
            Metrics m;
            if (aspect >= 1.4) {          // og-like: 1200x630
                float k = w / 1200f;
                m = new Metrics(60 * k, 44 * k, 64 * k, 36 * k, 3, h * 0.52f, 21 * k, 22 * k);
            } else if (aspect >= 0.75) {  // square-like: 1080x1080
                float k = w / 1080f;
                m = new Metrics(64 * k, 56 * k, 80 * k, 42 * k, 4, h * 0.45f, 25 * k, 26 * k);
            } else {                      // story-like: 1080x1920, clear of the platform's own bottom bar
                float k = w / 1080f;
                m = new Metrics(72 * k, h * 0.13f, 92 * k, 48 * k, 5, h * 0.36f, 29 * k, 29 * k);
            }
            if (textCard) {
                // no photo to show: the headline may take most of the card, larger
                m = new Metrics(m.margin, m.bottomMargin, m.headMax * 1.2f, m.headMin, m.headLines + 1,
                        h * 0.66f, m.kicker, m.small);
            }
            return m;
        }
    }

    static final float LEADING = 1.12f;

    static CardText set(int w, int h, Words words, boolean textCard, int textRgb, int creditRgb) {
        Metrics m = Metrics.of(w, h, textCard);
        float left = m.margin;
        float right = w - m.margin;
        float width = right - left;
        Locale locale = words.locale();

        Typesetter.Block site = Typesetter.line(words.site(), locale, m.small, width * 0.5f, 0.02f);
        float siteWidth = site.lines().isEmpty() ? 0 : site.lines().get(0).width();
        float gap = m.small * 1.2f;
        Typesetter.Block creditSameRow = Typesetter.line(words.credit(), locale, m.small * 0.86f, width - siteWidth - gap, 0);
        boolean ownRow = creditSameRow.cut() && !words.credit().isEmpty();
        Typesetter.Block credit = ownRow ? Typesetter.line(words.credit(), locale, m.small * 0.86f, width, 0) : creditSameRow;

        boolean rtl = words.headline().rtl();
        List<Placed> placed = new ArrayList<>();
        float rowBaseline = h - m.bottomMargin;
        float rowTop = rowBaseline - m.small;
        if (!site.lines().isEmpty()) {
            Typesetter.Line l = site.lines().get(0);
            placed.add(new Placed("site", l, rtl ? right - l.width() : left, rowBaseline, textRgb));
        }
        if (!credit.lines().isEmpty()) {
            Typesetter.Line l = credit.lines().get(0);
            float baseline = ownRow ? rowBaseline - m.small * 1.45f : rowBaseline;
            if (ownRow) rowTop = baseline - m.small;
            placed.add(new Placed("credit", l, rtl == ownRow ? right - l.width() : left, baseline, creditRgb));
        }

        float headBottom = rowTop - m.small * 0.9f;
        float kickerSpace = words.kicker().isEmpty() ? 0 : m.kicker * 1.9f;
        float maxHeight = Math.min(m.headMaxHeight, headBottom - m.margin - kickerSpace);
        Typesetter.Block head = Typesetter.headline(words.headline(), locale, m.headMax, m.headMin, 2 * (w / 1200f),
                m.headLines, width, maxHeight, LEADING);
        float top = headBottom;
        if (!head.lines().isEmpty()) {
            List<Typesetter.Line> ls = head.lines();
            float lastBaseline = headBottom - ls.get(ls.size() - 1).descent();
            for (int i = 0; i < ls.size(); i++) {
                Typesetter.Line l = ls.get(i);
                float baseline = lastBaseline - head.lineHeight() * (ls.size() - 1 - i);
                placed.add(new Placed("headline", l, rtl ? right - l.width() : left, baseline, textRgb));
                top = Math.min(top, baseline - l.ascent());
            }
        }
        if (!words.kicker().isEmpty()) {
            Typesetter.Block kicker = Typesetter.line(words.kicker(), locale, m.kicker, width, 0.08f);
            if (!kicker.lines().isEmpty()) {
                Typesetter.Line l = kicker.lines().get(0);
                float baseline = top - m.kicker * 0.7f - l.descent();
                placed.add(new Placed("kicker", l, rtl ? right - l.width() : left, baseline, textRgb));
                top = baseline - l.ascent();
            }
        }
        int blockTop = Math.max(0, (int) Math.floor(top - m.margin * 0.5f));
        return new CardText(List.copyOf(placed), blockTop, head);
    }
}
