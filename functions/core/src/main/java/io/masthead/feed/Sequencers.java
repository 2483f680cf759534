package io.masthead.feed;

import java.util.Locale;

/**
 * Orders S3 event sequencers. They are hexadecimal numbers of varying length for the same key;
 * the larger number is the later event. Compared as numbers: leading zeros ignored, then length,
 * then characters.
 */
public final class Sequencers {
    private Sequencers() {
    }

    public static int compare(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        if (x.length() != y.length()) return Integer.compare(x.length(), y.length());
        return x.compareTo(y);
    }

    public static String max(String a, String b) {
        return compare(a, b) >= 0 ? (a == null ? "" : a) : b;
    }

    private static String normal(String s) {
        if (s == null) return "";
        String up = s.strip().toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < up.length() - 1 && up.charAt(i) == '0') i++;
        String stripped = up.substring(i);
        return stripped.equals("0") ? "" : stripped;
    }
}
