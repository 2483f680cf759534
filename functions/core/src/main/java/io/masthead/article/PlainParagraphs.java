package io.masthead.article;

import org.owasp.encoder.Encode;

import java.util.ArrayList;
import java.util.List;

/** Plain text as HTML paragraphs: one {@code <p>} per paragraph, every character escaped. */
final class PlainParagraphs {
    private PlainParagraphs() {
    }

    /** Paragraphs are separated by blank lines; the lines of one paragraph are joined by a space. */
    static String toHtml(String text) {
        return toHtml(split(text));
    }

    static String toHtml(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        for (String p : paragraphs) html.append("<p>").append(Encode.forHtml(p)).append("</p>");
        return html.toString();
    }

    static List<String> split(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\\n\\s*\\n")) {
            String p = ArticleParser.cleanLine(block);
            if (!p.isEmpty()) paragraphs.add(p);
        }
        return paragraphs;
    }
}
