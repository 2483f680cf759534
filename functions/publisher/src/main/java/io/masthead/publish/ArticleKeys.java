package io.masthead.publish;

import io.masthead.article.ArticleException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Which keys the publish function acts on: only under {@code articles/}, the prefix its trigger
 * names (so an output can never make it run on itself), and never a key with path tricks, which
 * S3 stores literally but a file-backed endpoint or a careless tool would resolve elsewhere.
 */
public final class ArticleKeys {
    public static final String PREFIX = "articles/";

    private ArticleKeys() {
    }

    public static boolean isArticle(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    /** Throws when the key has {@code .}/{@code ..} segments (also percent-encoded), backslashes, empty segments or control characters. */
    static void check(String key) {
        String field = "(key)";
        if (key.indexOf('\\') >= 0) throw new ArticleException(key, field, "must not contain backslashes");
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) throw new ArticleException(key, field, "must not contain control characters");
        }
        for (String segment : key.split("/", -1)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = segment; // a stray % is just a character in an S3 key
            }
            if (segment.equals(".") || segment.equals("..") || decoded.equals(".") || decoded.equals("..")) {
                throw new ArticleException(key, field, "must not contain . or .. segments");
            }
            if (segment.isEmpty()) throw new ArticleException(key, field, "must not contain empty segments (//)");
        }
    }
}
