package io.masthead.article;

/**
 * Which photo keys an article may name: a plain key in the same bucket, never an output, never
 * a URL (photos are read from the bucket only, so an article cannot make a function fetch
 * anything else), never a path trick.
 */
final class PhotoKeys {
    private PhotoKeys() {
    }

    static void check(String article, String key) {
        String field = "photo.key";
        if (key.isEmpty()) throw new ArticleException(article, field, "is empty");
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            throw new ArticleException(article, field, "must be a key in this bucket, not a URL or another bucket: " + key);
        }
        if (key.startsWith("/") || key.contains("\\") || key.contains("//")) {
            throw new ArticleException(article, field, "must be a relative key without backslashes or empty segments: " + key);
        }
        for (String segment : key.split("/")) {
            String decoded = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            if (segment.equals("..") || segment.equals(".") || decoded.equals("..") || decoded.equals(".")) {
                throw new ArticleException(article, field, "must not contain . or .. segments: " + key);
            }
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) throw new ArticleException(article, field, "contains control characters");
        }
        for (String prefix : ArticleParser.OUTPUT_PREFIXES) {
            if (key.startsWith(prefix)) {
                throw new ArticleException(article, field, "points at an output (" + prefix + "...), not a photo: " + key);
            }
        }
        if (key.startsWith("articles/")) throw new ArticleException(article, field, "points at an article, not a photo: " + key);
    }
}
