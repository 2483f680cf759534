package io.masthead.page;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-line plain text as the share page carries it: cleaned of what no tag should hold, and cut
 * to a platform's length at a word, with an ellipsis. Lengths are counted in code points, so an
 * emoji counts once and is never split.
 */
final class PlainText {
    static final String ELLIPSIS = "\u2026";

    /** An entity-like run ({@code &amp;}, {@code &#8217;}) a cut must not split. */
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]{1,31};");
    /** What may be left dangling before an ellipsis. */
    private static final String TRAILING_PUNCTUATION = ",;:-\u2013\u2014([{\"'\u201C\u2018\u3001\u300C\u300E\u3010\uFF08\uFF0C\uFF1A\uFF1B";

    private PlainText() {
    }

    /**
     * Removes control characters, lone surrogates and noncharacters; turns line breaks, tabs and
     * line/paragraph separators into spaces; collapses runs of whitespace; trims. Null gives "".
     */
    static String clean(String text) {
        if (text == null || text.isEmpty()) return "";
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) continue; // lone half of a pair
            if (isNoncharacter(cp)) continue;
            int type = Character.getType(cp);
            boolean space = Character.isWhitespace(cp) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || cp == 0x85;
            if (space) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (type == Character.CONTROL) continue;
            if (pendingSpace) out.append(' ');
            pendingSpace = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The text if it has at most {@code max} code points, else its longest start that ends at a
     * word (a line-break opportunity, so CJK cuts between characters), never inside a grapheme,
     * a surrogate pair or an entity-like run, followed by an ellipsis; at most {@code max} in all.
     */
    static String fit(String text, int max, Locale locale) {
        if (max < 2) throw new IllegalArgumentException("max must be at least 2, was " + max);
        if (length(text) <= max) return text;
        int end = text.offsetByCodePoints(0, max - 1);

        BreakIterator graphemes = BreakIterator.getCharacterInstance(locale);
        graphemes.setText(text);
        int grapheme = graphemes.isBoundary(end) ? end : graphemes.preceding(end);

        BreakIterator lines = BreakIterator.getLineInstance(locale);
        lines.setText(text);
        // A break opportunity sits after a space, so a cut just before a space is a word end too.
        boolean beforeSpace = grapheme < text.length() && Character.isWhitespace(text.charAt(grapheme));
        int word = beforeSpace || lines.isBoundary(grapheme) ? grapheme : lines.preceding(grapheme);
        // A word cut that throws away more than half the room reads worse than a cut mid-word.
        int cut = word != BreakIterator.DONE && length(text.substring(0, word)) >= (max - 1) / 2 ? word : grapheme;
        cut = outsideEntity(text, cut);

        String head = trimEnd(text.substring(0, cut));
        if (head.isEmpty()) head = trimEnd(text.substring(0, outsideEntity(text, grapheme)));
        return head + ELLIPSIS;
    }

    private static int outsideEntity(String text, int cut) {
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp < 0) return cut;
        Matcher m = ENTITY.matcher(text).region(amp, text.length());
        return m.lookingAt() && m.end() > cut ? amp : cut;
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c == ';' && endsWithEntity(s, end)) break;
            if (Character.isWhitespace(c) || TRAILING_PUNCTUATION.indexOf(c) >= 0) end--;
            else break;
        }
        return s.substring(0, end);
    }

    private static boolean endsWithEntity(String s, int end) {
        int amp = s.lastIndexOf('&', end - 1);
        return amp >= 0 && ENTITY.matcher(s).region(amp, end).matches();
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
