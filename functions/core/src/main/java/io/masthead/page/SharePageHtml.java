package io.masthead.page;

import org.owasp.encoder.Encode;

import java.nio.charset.StandardCharsets;

/**
 * Writes the share page: the crawler tags first (see {@link ShareHead}), then the JSON-LD, the
 * refresh that takes people on to the article, and a small visible page for anyone the refresh
 * does not move (headline, summary, card, link).
 */
final class SharePageHtml {
    /** A small inline style: the page must stand alone, served from a bucket. */
    private static final String STYLE = "body{margin:0;font:18px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}"
            + "main{max-width:40rem;margin:0 auto;padding:1.5rem}h1{font-size:1.6rem;line-height:1.25;margin:0 0 .75rem}"
            + "img{width:100%;height:auto;border-radius:4px}figure{margin:1rem 0}figcaption{font-size:.8rem;color:#555}"
            + ".byline{color:#555;font-size:.9rem}.go a{display:inline-block;padding:.6rem 1rem;border-radius:4px;color:#fff;"
            + "text-decoration:none;background:";

    record Rendered(String html, ShareHead head) {
    }

    private SharePageHtml() {
    }

    static Rendered render(ShareContent c, String jsonLd) {
        String start = "<!DOCTYPE html>\n<html lang=\"" + Encode.forHtmlAttribute(c.language().tag())
                + "\" dir=\"" + c.language().direction() + "\">\n<head>\n";
        ShareHead head = ShareHead.of(c, start.getBytes(StandardCharsets.UTF_8).length);

        StringBuilder html = new StringBuilder(start.length() + 8192);
        html.append(start).append(head.html());
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.append("<meta http-equiv=\"refresh\" content=\"")
                .append(Encode.forHtmlAttribute("0; url=" + refreshTarget(c.canonicalUrl()))).append("\">\n");
        html.append("<script type=\"application/ld+json\">").append(jsonLd).append("</script>\n");
        html.append("<style>").append(STYLE).append(c.themeColor()).append("}</style>\n");
        html.append("</head>\n<body>\n<main>\n<article>\n");
        html.append("<h1>").append(Encode.forHtml(c.title())).append("</h1>\n");
        String byline = byline(c);
        if (!byline.isEmpty()) html.append("<p class=\"byline\">").append(byline).append("</p>\n");
        if (!c.summary().isEmpty()) html.append("<p>").append(Encode.forHtml(c.summary())).append("</p>\n");
        if (c.image() != null) figure(html, c);
        html.append("<p class=\"go\"><a href=\"").append(Encode.forHtmlAttribute(c.canonicalUrl())).append("\">")
                .append(Encode.forHtml("Read the article on " + c.siteName())).append("</a></p>\n");
        html.append("</article>\n</main>\n</body>\n</html>\n");
        return new Rendered(html.toString(), head);
    }

    private static String byline(ShareContent c) {
        StringBuilder out = new StringBuilder();
        if (!c.byline().isEmpty()) out.append(Encode.forHtml(c.byline()));
        if (!c.published().isEmpty()) {
            if (out.length() > 0) out.append(" \u00b7 ");
            out.append("<time datetime=\"").append(Encode.forHtmlAttribute(c.published())).append("\">")
                    .append(Encode.forHtml(c.published().substring(0, Math.min(10, c.published().length()))))
                    .append("</time>");
        }
        return out.toString();
    }

    private static void figure(StringBuilder html, ShareContent c) {
        ImageVariant image = c.image();
        html.append("<figure><img src=\"").append(Encode.forHtmlAttribute(image.url()))
                .append("\" alt=\"").append(Encode.forHtmlAttribute(image.alt())).append('"');
        if (image.readable()) {
            html.append(" width=\"").append(image.width()).append("\" height=\"").append(image.height()).append('"');
        }
        html.append('>');
        String caption = c.photoCredit().isEmpty() ? c.photoCaption()
                : c.photoCaption().isEmpty() ? "Photo: " + c.photoCredit()
                : c.photoCaption() + " (Photo: " + c.photoCredit() + ")";
        if (!caption.isEmpty()) html.append("<figcaption>").append(Encode.forHtml(caption)).append("</figcaption>");
        html.append("</figure>\n");
    }

    /**
     * The refresh parser ends the URL at a quote and strips the quotes around it; escaping
     * quotes keeps a URL that holds one intact.
     */
    private static String refreshTarget(String url) {
        return url.replace("'", "%27").replace("\"", "%22");
    }
}
