package io.masthead.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns names into slugs: lower-case ASCII letters, digits and single hyphens. */
public final class Slugs {
    public static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** {@code "Ça va, World!"} becomes {@code "ca-va-world"}; empty when nothing is left. */
    public static String slugify(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        return slug.length() > 120 ? trimHyphens(slug.substring(0, 120)) : slug;
    }

    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches();
    }

    private static String trimHyphens(String s) {
        int start = 0, end = s.length();
        while (start < end && s.charAt(start) == '-') start++;
        while (end > start && s.charAt(end - 1) == '-') end--;
        return s.substring(start, end);
    }
}
