package io.masthead.article;

import io.masthead.site.Site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads a link to a photo as a key in the bucket, the only place photos are read from: a
 * relative key as is ({@code /photos/a.jpg}, a site path, without its slash), a URL under
 * {@code PUBLIC_BASE_URL} without that base. Any other URL is external and gives null.
 */
final class BucketHrefs {
    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private BucketHrefs() {
    }

    static String keyOf(Site site, String href) {
        String h = href.trim();
        String base = site.publicBaseUrl() + "/";
        if (h.startsWith(base)) return URLDecoder.decode(h.substring(base.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (HAS_SCHEME.matcher(h).matches() || h.startsWith("//")) return null;
        return h.startsWith("/") ? h.substring(1) : h;
    }
}
