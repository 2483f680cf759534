package io.masthead.local.preview;

/**
 * Cuts text the way link previews do: at a word boundary before the limit, with an ellipsis,
 * never inside a surrogate pair. Limits count characters as people see them (code points).
 */
public final class Truncation {
    static final String ELLIPSIS = "…";

    private Truncation() {
    }

    /** {@code text} when it has at most {@code limit} code points, else a cut ending in an ellipsis within the limit. */
    public static String cut(String text, int limit) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        if (limit <= 0 || trimmed.codePointCount(0, trimmed.length()) <= limit) {
            return trimmed;
        }
        int end = trimmed.offsetByCodePoints(0, limit - 1);
        String head = trimmed.substring(0, end);
        int space = lastWhitespace(head);
        // Cut at the last word boundary unless that throws away more than half the room.
        if (space > head.length() / 2) {
            head = head.substring(0, space);
        }
        return stripTrailing(head) + ELLIPSIS;
    }

    private static int lastWhitespace(String s) {
        for (int i = s.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (Character.isWhitespace(c) || ",;:-–—".indexOf(c) >= 0) {
                end--;
            } else {
                break;
            }
        }
        return s.substring(0, end);
    }
}
