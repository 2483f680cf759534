package io.masthead.card;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedString;
import java.text.Bidi;
import java.util.List;

/**
 * A text with a font chosen for each character (index into {@code chain}); the characters no
 * font covers are already removed and listed in {@code missing}.
 *
 * @param counted characters that needed a glyph (spaces, marks and controls excluded)
 * @param covered of those, the ones a font covers
 */
record Coverage(String text, int[] fontOfChar, List<String> missing, int counted, int covered, List<Font> chain) {

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Whether the paragraph reads right to left (its first strong character is RTL). */
    boolean rtl() {
        return !text.isEmpty() && !new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
    }

    /** A part of this text as an attributed string with its fonts at a size, ready for TextLayout. */
    AttributedString attributed(int start, int end, float size, boolean rtl, float tracking) {
        AttributedString as = new AttributedString(text.substring(start, end));
        Font[] sized = new Font[chain.size()];
        int runStart = start;
        for (int i = start + 1; i <= end; i++) {
            if (i == end || fontOfChar[i] != fontOfChar[runStart]) {
                int f = fontOfChar[runStart];
                if (sized[f] == null) sized[f] = chain.get(f).deriveFont(size);
                as.addAttribute(TextAttribute.FONT, sized[f], runStart - start, i - start);
                runStart = i;
            }
        }
        as.addAttribute(TextAttribute.RUN_DIRECTION,
                rtl ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        if (tracking != 0) as.addAttribute(TextAttribute.TRACKING, tracking);
        return as;
    }

    /** This text with a suffix (e.g. an ellipsis) set in the font of its last character. */
    Coverage cutAt(int end, String suffix) {
        String t = text.substring(0, end).stripTrailing();
        int[] f = new int[t.length() + suffix.length()];
        System.arraycopy(fontOfChar, 0, f, 0, t.length());
        int last = t.isEmpty() ? 0 : fontOfChar[t.length() - 1];
        int suffixFont = chain.get(last).canDisplay(suffix.codePointAt(0)) ? last : 0;
        for (int i = t.length(); i < f.length; i++) f[i] = suffixFont;
        return new Coverage(t + suffix, f, missing, counted, covered, chain);
    }
}
