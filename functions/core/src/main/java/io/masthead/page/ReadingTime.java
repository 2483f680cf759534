package io.masthead.page;

import java.util.regex.Pattern;

/**
 * Minutes to read an article body, for {@code twitter:data2} and the metadata. Words are runs of
 * letters or digits; Han and kana characters are counted one by one at a reading speed of their
 * own, since those scripts put no spaces between words.
 */
final class ReadingTime {
    static final int WORDS_PER_MINUTE = 230;
    static final int CJK_CHARACTERS_PER_MINUTE = 500;

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<(script|style|template)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]{1,31};");

    private ReadingTime() {
    }

    /** Whole minutes, at least 1; 0 when the body has no words at all. */
    static int minutes(String bodyHtml) {
        if (bodyHtml == null || bodyHtml.isBlank()) return 0;
        String text = ENTITY.matcher(TAG.matcher(INVISIBLE.matcher(bodyHtml).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ");
        long words = 0;
        long cjk = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp) || (inWord && isWordJoiner(cp))) {
                if (!inWord) words++;
                inWord = true;
            } else {
                inWord = false;
            }
        }
        if (words == 0 && cjk == 0) return 0;
        double minutes = (double) words / WORDS_PER_MINUTE + (double) cjk / CJK_CHARACTERS_PER_MINUTE;
        return (int) Math.max(1, Math.ceil(minutes));
    }

    /** Marks inside a word (Arabic and Indic vowel signs, apostrophes) do not start a new one. */
    private static boolean isWordJoiner(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == '\'' || cp == '\u2019' || cp == '-';
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
