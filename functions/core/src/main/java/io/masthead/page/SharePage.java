package io.masthead.page;

/**
 * The three files that make an article's share page, and how they came out against each
 * platform's rules.
 *
 * @param slug         the article's slug
 * @param html         {@code share/{slug}.html}
 * @param metadataJson {@code share/{slug}.json}
 * @param oembedJson   {@code share/{slug}.oembed.json}
 * @param lint         every platform's rules checked against the page
 */
public record SharePage(String slug, String html, String metadataJson, String oembedJson, LintReport lint) {

    public static final String HTML_CONTENT_TYPE = "text/html; charset=utf-8";
    public static final String JSON_CONTENT_TYPE = "application/json";
    /** oEmbed 1.0 says JSON responses are served as application/json. */
    public static final String OEMBED_CONTENT_TYPE = "application/json";

    public static String htmlKey(String slug) {
        return "share/" + slug + ".html";
    }

    public static String metadataKey(String slug) {
        return "share/" + slug + ".json";
    }

    public static String oembedKey(String slug) {
        return "share/" + slug + ".oembed.json";
    }

    public String htmlKey() {
        return htmlKey(slug);
    }

    public String metadataKey() {
        return metadataKey(slug);
    }

    public String oembedKey() {
        return oembedKey(slug);
    }

    /** True when some platform's rule failed: log {@code lint.findings(Outcome.FAIL)}. */
    public boolean lintFailed() {
        return lint.failed();
    }
}
