package io.masthead.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Cleans text before it goes into a feed. XML 1.0 forbids most control characters and lone
 * surrogates, and one such character makes a whole feed unparseable, so they are dropped here
 * rather than trusted to every writer.
 */
public final class FeedText {
    private FeedText() {
    }

    /** Removes characters XML 1.0 does not allow, including unpaired surrogates; null becomes empty. */
    public static String xmlSafe(String s) {
        if (s == null || s.isEmpty()) return "";
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(n);
                out.append(s, 0, i);
            } else if (ok && out != null) {
                out.appendCodePoint(cp);
            }
            i += len;
        }
        return out == null ? s : out.toString();
    }

    /**
     * Plain text for titles, summaries, names: HTML entities such as {@code &nbsp;} or
     * {@code &#8217;} become the characters they name (a writer escapes {@code &} again, so a raw
     * entity would show up as literal text), then the text is made XML-safe and trimmed.
     */
    public static String plain(String s) {
        if (s == null || s.isEmpty()) return "";
        String text = s.indexOf('&') >= 0 ? Parser.unescapeEntities(s, false) : s;
        return xmlSafe(text).strip();
    }

    /**
     * An HTML body for {@code content:encoded}, Atom content and {@code content_html}: every
     * link and image made absolute against {@code baseUrl}, entities written as characters
     * (only the XML ones stay escaped), XML-safe.
     */
    public static String html(String html, String baseUrl) {
        if (html == null || html.isBlank()) return "";
        Document doc = Jsoup.parseBodyFragment(xmlSafe(html), baseUrl == null ? "" : baseUrl);
        // Feed readers drop active content and validators flag it: it has no place in a feed.
        doc.select("script, style, object, embed, applet").remove();
        for (Element el : doc.getAllElements()) {
            List<String> handlers = new ArrayList<>();
            for (var a : el.attributes()) {
                String v = a.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                if (a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on") || v.startsWith("javascript:")) handlers.add(a.getKey());
            }
            handlers.forEach(el::removeAttr);
        }
        for (String attr : new String[]{"href", "src", "poster", "cite"}) {
            for (Element el : doc.select("[" + attr + "]")) {
                String abs = el.absUrl(attr);
                if (!abs.isEmpty()) el.attr(attr, abs);
                else if (!isAbsolute(el.attr(attr))) el.removeAttr(attr);
            }
        }
        for (Element el : doc.select("[srcset]")) el.attr("srcset", absoluteSrcset(el.attr("srcset"), el));
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
        // xhtml mode escapes only what XML needs, plus no-break spaces as &#xa0;: write those as
        // the character too, so no entity is left for a reader to resolve.
        return xmlSafe(doc.body().html().replace("&#xa0;", "\u00A0"));
    }

    /** Splits {@code s} so that no piece contains {@code ]]>}; each piece can be its own CDATA section. */
    public static List<String> cdataPieces(String s) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf("]]>", from)) >= 0) {
            // "]]" ends one section, ">" starts the next: the sequence never appears inside one.
            pieces.add(s.substring(from, at + 2));
            from = at + 2;
        }
        pieces.add(s.substring(from));
        return pieces;
    }

    private static boolean isAbsolute(String url) {
        return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")
                || url.startsWith("data:");
    }

    private static String absoluteSrcset(String srcset, Element el) {
        StringBuilder out = new StringBuilder();
        for (String candidate : srcset.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) continue;
            int space = c.indexOf(' ');
            String url = space < 0 ? c : c.substring(0, space);
            String descriptor = space < 0 ? "" : c.substring(space);
            String abs = resolve(el.baseUri(), url);
            if (abs.isEmpty()) continue;
            if (out.length() > 0) out.append(", ");
            out.append(abs).append(descriptor);
        }
        return out.toString();
    }

    private static String resolve(String base, String url) {
        try {
            return java.net.URI.create(base).resolve(url.replace(" ", "%20")).toString();
        } catch (RuntimeException e) {
            return isAbsolute(url) ? url : "";
        }
    }
}
