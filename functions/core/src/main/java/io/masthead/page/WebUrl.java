package io.masthead.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Only absolute http(s) URLs reach a tag; anything else (javascript:, data:, relative) is dropped. */
final class WebUrl {
    /** Longer URLs are refused: crawlers cut them, and they would crowd the first 32 KB. */
    static final int MAX_LENGTH = 2048;

    private WebUrl() {
    }

    /** The URL in ASCII form (non-ASCII percent-encoded) if it is absolute http(s), else empty. */
    static Optional<String> of(String value) {
        String text = PlainText.clean(value);
        if (text.isEmpty() || text.indexOf(' ') >= 0) return Optional.empty();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
            if (uri.getHost() == null || uri.getHost().isEmpty()) return Optional.empty();
            String ascii = uri.toASCIIString();
            return ascii.length() <= MAX_LENGTH ? Optional.of(ascii) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean isHttps(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8);
    }

    static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
