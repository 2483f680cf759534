package io.masthead.local.preview;

import com.fasterxml.jackson.databind.JsonNode;
import org.owasp.encoder.Encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The preview as HTML: for each article its unfurl mock-ups, lint report, cards at true size,
 * share tags, feed entries, render and import reports. Every value from the bucket is hostile
 * input and is encoded for its context by the OWASP encoder.
 *
 * @param objectBase where bucket objects are fetched from, ending in {@code /}: the endpoint's
 *                   path-style bucket URL when served, a relative folder in the static copy
 */
public record PreviewPage(String bucket, String objectBase) {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");
    private static final String STYLE = resource("preview.css");
    private static final String SCRIPT = resource("preview.js");

    /** The whole page; {@code live} adds the script that follows new publications (Server-Sent Events). */
    public String page(List<PublishedArticle> articles, boolean live) {
        String fragment = articles(articles);
        StringBuilder h = new StringBuilder(fragment.length() + 16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Masthead preview</title><style>").append(STYLE).append("</style></head><body>")
                .append("<header class=\"top\"><h1>Masthead preview</h1><p id=\"status\">bucket <b>")
                .append(Encode.forHtml(bucket)).append("</b> · ")
                .append(live ? "<span id=\"live\">live: new articles appear as they are published</span>"
                        : "static copy")
                .append("</p></header>\n<main id=\"articles\" data-etag=\"").append(Encode.forHtmlAttribute(etag(fragment))).append("\">")
                .append(fragment).append("</main>\n");
        if (live) {
            h.append("<script>").append(SCRIPT).append("</script>");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The list of articles, newest first: what the page swaps in when something is published. */
    public String articles(List<PublishedArticle> articles) {
        StringBuilder h = new StringBuilder();
        h.append("<p class=\"count\" id=\"count\">").append(articles.size())
                .append(articles.size() == 1 ? " article" : " articles").append(", newest first</p>");
        if (articles.isEmpty()) {
            h.append("<p class=\"empty\">Nothing published yet. Upload an article under <code>articles/</code>.</p>");
        }
        h.append("<nav class=\"toc\">");
        for (PublishedArticle a : articles) {
            h.append("<a dir=\"auto\" href=\"#a-").append(Encode.forHtmlAttribute(a.slug())).append("\">")
                    .append(Encode.forHtml(a.text("title"))).append("</a>");
        }
        h.append("</nav>");
        for (PublishedArticle a : articles) {
            article(h, a);
        }
        return h.toString();
    }

    /** A strong validator for the article list, so pollers and the page can skip unchanged lists. */
    public static String etag(String fragment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fragment.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void article(StringBuilder h, PublishedArticle a) {
        JsonNode m = a.metadata();
        String slug = a.slug();
        h.append("<article class=\"article\" id=\"a-").append(Encode.forHtmlAttribute(slug))
                .append("\" data-slug=\"").append(Encode.forHtmlAttribute(slug)).append("\">");
        h.append("<h2 class=\"headline\" dir=\"auto\">").append(Encode.forHtml(a.text("title"))).append("</h2>");
        h.append("<p class=\"byline\">");
        if (!a.text("section").isEmpty()) {
            h.append("<span class=\"section\">").append(Encode.forHtml(a.text("section"))).append("</span> · ");
        }
        h.append("published ").append(Encode.forHtml(a.published())).append(" · <code>").append(Encode.forHtml(slug))
                .append("</code> · ").append(link(m.path("urls").path("canonical").asText(""), "article"))
                .append(" · ").append(objectLink("share/" + slug + ".html", "share page"))
                .append(" · ").append(objectLink("share/" + slug + ".json", "metadata"))
                .append(" · lint <span class=\"outcome outcome-").append(outcomeClass(m.path("lint").path("outcome").asText()))
                .append("\">").append(Encode.forHtml(m.path("lint").path("outcome").asText("?"))).append("</span></p>");

        h.append("<section class=\"unfurls\"><h3>How the link unfurls</h3><div class=\"unfurl-grid\">");
        for (Platform p : Platform.values()) {
            unfurl(h, a, p);
        }
        h.append("</div></section>");
        lint(h, m.path("lint"));
        cards(h, a);
        tags(h, a);
        feeds(h, a.feeds());
        render(h, m.path("render"));
        imported(h, m.path("imported"));
        h.append("</article>");
    }

    // ---- unfurls ----------------------------------------------------------------------------

    private void unfurl(StringBuilder h, PublishedArticle a, Platform p) {
        JsonNode m = a.metadata();
        JsonNode image = m.path("image");
        String title = p == Platform.X ? text(m.path("x"), "title", a.text("title")) : a.text("title");
        String description = p == Platform.X ? text(m.path("x"), "description", a.text("description"))
                : a.text("description");
        String canonical = m.path("urls").path("canonical").asText("");
        String domain = host(canonical);
        String site = a.tag("og:site_name").isEmpty() ? domain : a.tag("og:site_name");
        String img = image.isMissingNode() ? "" : imageTag(a.slug(), image, p);
        String t = Encode.forHtml(p.title(title));
        String d = Encode.forHtml(p.description(description));

        h.append("<figure class=\"unfurl unfurl-").append(p.id()).append("\" data-platform=\"").append(p.id())
                .append("\"><figcaption class=\"platform\">").append(p.label()).append("</figcaption>");
        switch (p) {
            case FACEBOOK -> h.append("<div class=\"fb-card\">").append(frame(img, p))
                    .append("<div class=\"fb-text\"><div class=\"fb-domain\">")
                    .append(Encode.forHtml(domain.toUpperCase(Locale.ROOT))).append("</div><div class=\"title\" dir=\"auto\">")
                    .append(t).append("</div><div class=\"desc\" dir=\"auto\">").append(d).append("</div></div></div>");
            case X -> h.append("<div class=\"x-card\">").append(frame(img, p).replace("</div>",
                            "<span class=\"x-overlay title\" dir=\"auto\">" + t + "</span></div>"))
                    .append("</div><div class=\"x-from\">From ").append(Encode.forHtml(domain)).append("</div>");
            case LINKEDIN -> h.append("<div class=\"li-card\">").append(frame(img, p))
                    .append("<div class=\"li-text\"><div class=\"title\" dir=\"auto\">").append(t)
                    .append("</div><div class=\"li-domain\">").append(Encode.forHtml(domain)).append("</div></div></div>");
            case SLACK -> h.append("<div class=\"slack\"><div class=\"slack-bar\"></div><div class=\"slack-body\">")
                    .append("<div class=\"slack-site\">").append(Encode.forHtml(site)).append("</div>")
                    .append("<div class=\"title\" dir=\"auto\">").append(t).append("</div><div class=\"desc\" dir=\"auto\">").append(d)
                    .append("</div>").append(img.isEmpty() ? "" : "<div class=\"slack-img\">" + img + "</div>")
                    .append("</div></div>");
            case WHATSAPP -> {
                boolean large = image.path("bytes").asLong(Long.MAX_VALUE) <= Platform.WHATSAPP_LARGE_IMAGE_BYTES
                        && image.path("width").asInt() >= 300;
                h.append("<div class=\"wa-chat\"><div class=\"wa-bubble\"><div class=\"wa-preview ")
                        .append(large ? "wa-large" : "wa-small").append("\" data-image=\"")
                        .append(large ? "large" : "small").append("\">")
                        .append(large ? frame(img, p) : "<div class=\"wa-thumb\">" + img + "</div>")
                        .append("<div class=\"wa-text\"><div class=\"title\" dir=\"auto\">").append(t).append("</div><div class=\"desc\" dir=\"auto\">")
                        .append(d).append("</div><div class=\"wa-domain\">").append(Encode.forHtml(domain))
                        .append("</div></div></div><div class=\"wa-link\">").append(Encode.forHtml(canonical))
                        .append("</div><div class=\"wa-time\">12:00 ✓✓</div></div></div>");
            }
            case DISCORD -> {
                String color = a.tag("theme-color");
                if (!COLOR.matcher(color).matches()) {
                    color = "#1e1f22";
                }
                h.append("<div class=\"dc-chat\"><div class=\"dc-link\">").append(Encode.forHtml(canonical))
                        .append("</div><div class=\"dc-embed\" data-theme-color=\"").append(color)
                        .append("\" style=\"border-left-color:").append(color).append("\"><div class=\"dc-site\">")
                        .append(Encode.forHtml(site)).append("</div><div class=\"title\" dir=\"auto\">").append(t)
                        .append("</div><div class=\"desc\" dir=\"auto\">").append(d).append("</div>")
                        .append(img.isEmpty() ? "" : "<div class=\"dc-img\">" + img + "</div>").append("</div></div>");
            }
        }
        h.append("</figure>");
    }

    private static String frame(String img, Platform p) {
        return "<div class=\"frame\" style=\"aspect-ratio:" + p.aspect() + "\">" + img + "</div>";
    }

    private String imageTag(String slug, JsonNode image, Platform p) {
        return "<img src=\"" + Encode.forHtmlAttribute(objectBase + cardKey(slug, image.path("url").asText()))
                + "\" alt=\"" + Encode.forHtmlAttribute(image.path("alt").asText("")) + "\" data-platform-image=\""
                + p.id() + "\">";
    }

    // ---- reports ----------------------------------------------------------------------------

    private static void lint(StringBuilder h, JsonNode lint) {
        h.append("<section class=\"lint\"><h3>Lint</h3><div class=\"lint-grid\">");
        for (JsonNode platform : lint.path("platforms")) {
            String outcome = platform.path("outcome").asText();
            h.append("<table class=\"lint-table\" data-platform=\"")
                    .append(Encode.forHtmlAttribute(platform.path("platform").asText())).append("\"><caption>")
                    .append(Encode.forHtml(platform.path("platform").asText())).append(" <span class=\"outcome outcome-")
                    .append(outcomeClass(outcome)).append("\">").append(Encode.forHtml(outcome))
                    .append("</span></caption>");
            for (JsonNode check : platform.path("checks")) {
                String o = check.path("outcome").asText();
                h.append("<tr data-rule=\"").append(Encode.forHtmlAttribute(check.path("rule").asText()))
                        .append("\" data-outcome=\"").append(Encode.forHtmlAttribute(o)).append("\"><td>")
                        .append(Encode.forHtml(check.path("rule").asText())).append("</td><td><span class=\"outcome outcome-")
                        .append(outcomeClass(o)).append("\">").append(Encode.forHtml(o)).append("</span></td><td>")
                        .append(Encode.forHtml(check.path("detail").asText())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("</div></section>");
    }

    private void cards(StringBuilder h, PublishedArticle a) {
        h.append("<details class=\"cards\" open><summary><h3>Cards at true size</h3></summary>");
        for (JsonNode image : a.metadata().path("images")) {
            String preset = image.path("preset").asText();
            int w = image.path("width").asInt();
            int ht = image.path("height").asInt();
            h.append("<figure class=\"card\" data-preset=\"").append(Encode.forHtmlAttribute(preset))
                    .append("\"><figcaption><b>").append(Encode.forHtml(preset)).append("</b> ").append(w).append('×')
                    .append(ht).append(" · ").append(kib(image.path("bytes").asLong())).append(" · ")
                    .append(objectLink(cardKey(a.slug(), image.path("url").asText()), "file"))
                    .append("</figcaption><div class=\"card-scroll\"><img class=\"card-img\" src=\"")
                    .append(Encode.forHtmlAttribute(objectBase + cardKey(a.slug(), image.path("url").asText())))
                    .append("\" width=\"").append(w).append("\" height=\"").append(ht).append("\" alt=\"")
                    .append(Encode.forHtmlAttribute(image.path("alt").asText(""))).append("\"></div></figure>");
        }
        h.append("</details>");
    }

    private static void tags(StringBuilder h, PublishedArticle a) {
        h.append("<details class=\"tags\"><summary><h3>Share page tags (").append(a.tags().size())
                .append(")</h3></summary><table class=\"tag-table\">");
        for (ShareTag tag : a.tags()) {
            h.append("<tr><td>").append(Encode.forHtml(tag.element())).append("</td><td class=\"tag-name\">")
                    .append(Encode.forHtml(tag.name())).append("</td><td class=\"tag-value\">");
            if (tag.element().equals("script")) {
                h.append("<pre>").append(Encode.forHtml(tag.value())).append("</pre>");
            } else {
                h.append(Encode.forHtml(tag.value()));
            }
            h.append("</td></tr>");
        }
        h.append("</table></details>");
    }

    private static void feeds(StringBuilder h, FeedEntries feeds) {
        h.append("<details class=\"feeds\"><summary><h3>In the feeds</h3></summary><div class=\"feed-grid\">");
        feed(h, "rss", "RSS item (feeds/rss.xml)", feeds.rssItem());
        feed(h, "atom", "Atom entry (feeds/atom.xml)", feeds.atomEntry());
        feed(h, "json", "JSON Feed item (feeds/feed.json)", feeds.jsonFeedItem());
        h.append("</div></details>");
    }

    private static void feed(StringBuilder h, String kind, String label, String entry) {
        h.append("<div class=\"feed feed-").append(kind).append("\"><h4>").append(label).append("</h4>");
        if (entry.isEmpty()) {
            h.append("<p class=\"missing\">not in this feed (yet, or outside the feed window)</p>");
        } else {
            h.append("<pre>").append(Encode.forHtml(entry)).append("</pre>");
        }
        h.append("</div>");
    }

    private static void render(StringBuilder h, JsonNode r) {
        h.append("<details class=\"render\"><summary><h3>Render report</h3></summary>");
        if (r.isMissingNode()) {
            h.append("<p class=\"missing\">no render report</p></details>");
            return;
        }
        h.append("<dl class=\"facts\">");
        fact(h, "glyph coverage", String.format(Locale.ROOT, "%.1f %%", r.path("glyphCoverage").asDouble() * 100));
        fact(h, "missing glyphs", join(r.path("missingGlyphs")));
        fact(h, "worst contrast", r.path("worstContrast").asText() + ":1");
        fact(h, "photo", r.path("photoWidth").asInt() == 0 ? "none (text card)"
                : r.path("photoWidth").asText() + "×" + r.path("photoHeight").asText() + " "
                + r.path("photoFormat").asText() + ", orientation " + r.path("orientation").asText()
                + ", subsampling " + r.path("subsampling").asText());
        fact(h, "decode / render", r.path("decodeMillis").asText() + " ms / " + r.path("renderMillis").asText() + " ms");
        fact(h, "fonts", join(r.path("fonts")));
        fact(h, "notes", join(r.path("notes")));
        h.append("</dl><table class=\"render-table\"><tr><th>preset</th><th>size</th><th>crop</th><th>fill</th>"
                + "<th>contrast</th><th>headline</th><th>quality</th><th>bytes</th><th>ms</th></tr>");
        for (JsonNode p : r.path("presets")) {
            String crop = p.path("cropWidth").asInt() == 0 ? p.path("crop").asText()
                    : p.path("crop").asText() + " " + p.path("cropWidth").asText() + "×" + p.path("cropHeight").asText()
                    + " at " + p.path("cropX").asText() + "," + p.path("cropY").asText();
            h.append("<tr data-preset=\"").append(Encode.forHtmlAttribute(p.path("name").asText())).append("\"><td>")
                    .append(Encode.forHtml(p.path("name").asText())).append("</td><td>").append(p.path("width").asInt())
                    .append('×').append(p.path("height").asInt()).append("</td><td>").append(Encode.forHtml(crop))
                    .append("</td><td>").append(Encode.forHtml(p.path("fill").asText())).append("</td><td>")
                    .append(Encode.forHtml(p.path("worstContrast").asText())).append(":1</td><td>")
                    .append(p.path("headlineLines").asInt()).append(" lines at ")
                    .append(Encode.forHtml(p.path("headlineSize").asText())).append(" px")
                    .append(p.path("headlineCut").asBoolean() ? ", cut" : "").append("</td><td>")
                    .append(p.path("quality").asInt()).append("</td><td>").append(p.path("bytes").asLong())
                    .append("</td><td>").append(p.path("renderMillis").asLong()).append("</td></tr>");
        }
        h.append("</table></details>");
    }

    private static void imported(StringBuilder h, JsonNode r) {
        h.append("<details class=\"import\"><summary><h3>Import report</h3></summary>");
        if (r.isMissingNode() || r.isNull()) {
            h.append("<p>Article JSON v1: read as it is, nothing to map.</p></details>");
            return;
        }
        h.append("<p>format <b>").append(Encode.forHtml(r.path("format").asText())).append("</b></p>");
        h.append("<table class=\"import-table\"><tr><th>mapped from</th><th>to</th></tr>");
        for (JsonNode m : r.path("mapped")) {
            h.append("<tr><td>").append(Encode.forHtml(m.path("from").asText())).append("</td><td>")
                    .append(Encode.forHtml(m.path("to").asText())).append("</td></tr>");
        }
        h.append("</table><table class=\"import-table\"><tr><th>ignored</th><th>why</th></tr>");
        for (JsonNode m : r.path("ignored")) {
            h.append("<tr><td>").append(Encode.forHtml(m.path("from").asText())).append("</td><td>")
                    .append(Encode.forHtml(m.path("reason").asText())).append("</td></tr>");
        }
        h.append("</table><h4>Guesses</h4><ul>");
        for (JsonNode g : r.path("guesses")) {
            h.append("<li>").append(Encode.forHtml(g.asText())).append("</li>");
        }
        h.append("</ul></details>");
    }

    // ---- small pieces -----------------------------------------------------------------------

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<dt>").append(Encode.forHtml(name)).append("</dt><dd>")
                .append(Encode.forHtml(value.isEmpty() ? "none" : value)).append("</dd>");
    }

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        for (JsonNode n : array) {
            s.append(s.isEmpty() ? "" : ", ").append(n.isTextual() ? n.asText() : n.toString());
        }
        return s.toString();
    }

    /** The card's key in the bucket: its public URL may name another host (a CDN), the file name does not change. */
    static String cardKey(String slug, String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        return "cards/" + slug + "/" + name;
    }

    private String objectLink(String key, String label) {
        return "<a href=\"" + Encode.forHtmlAttribute(objectBase + key) + "\">" + Encode.forHtml(label) + "</a>";
    }

    private static String link(String url, String label) {
        if (!(url.startsWith("https://") || url.startsWith("http://"))) {
            return Encode.forHtml(label);
        }
        return "<a href=\"" + Encode.forHtmlAttribute(url) + "\" rel=\"noopener noreferrer\">" + Encode.forHtml(label) + "</a>";
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = node.path(field).asText("");
        return value.isEmpty() ? fallback : value;
    }

    private static String outcomeClass(String outcome) {
        return switch (outcome) {
            case "pass", "warn", "fail" -> outcome;
            default -> "unknown";
        };
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    private static String resource(String name) {
        try (InputStream in = PreviewPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
