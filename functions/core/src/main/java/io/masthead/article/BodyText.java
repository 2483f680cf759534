package io.masthead.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Plain text drawn from an article's HTML body. */
public final class BodyText {
    private BodyText() {
    }

    /** The first non-empty paragraph as plain text, cut at a word boundary near {@code target} characters. */
    public static String firstParagraph(String bodyHtml, int target) {
        if (bodyHtml == null || bodyHtml.isBlank()) return "";
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        String text = "";
        for (Element p : doc.select("p")) {
            text = p.text().trim();
            if (!text.isEmpty()) break;
        }
        if (text.isEmpty()) text = doc.body().text().trim();
        return cutAtWord(ArticleParser.cleanLine(text), target);
    }

    /** Every word of the body, for reading time. */
    public static int wordCount(String bodyHtml) {
        if (bodyHtml == null || bodyHtml.isBlank()) return 0;
        String text = Jsoup.parseBodyFragment(bodyHtml).text().trim();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    /** Cuts at the last space before {@code max} code points and adds an ellipsis; never splits a surrogate pair. */
    public static String cutAtWord(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) return text;
        int end = text.offsetByCodePoints(0, max - 1);
        int space = text.lastIndexOf(' ', end);
        String cut = space > max / 2 ? text.substring(0, space) : text.substring(0, end);
        return cut.replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
    }
}
