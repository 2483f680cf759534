package io.masthead.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a produced share page back the way a crawler does: with an HTML parser. */
final class PageParts {
    static final ObjectMapper JSON = new ObjectMapper();

    private PageParts() {
    }

    static Document parse(String html) {
        return Jsoup.parse(html, "https://crawler.example/");
    }

    /** Head elements as "name=value" in document order: meta by name/property, links by rel, title. */
    static List<String> headEntries(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.head().children()) {
            switch (e.tagName()) {
                case "meta" -> {
                    if (e.hasAttr("charset")) out.add("charset=" + e.attr("charset"));
                    else if (e.hasAttr("property")) out.add(e.attr("property") + "=" + e.attr("content"));
                    else if (e.hasAttr("name")) out.add(e.attr("name") + "=" + e.attr("content"));
                    else if (e.hasAttr("http-equiv")) out.add("http-equiv:" + e.attr("http-equiv") + "=" + e.attr("content"));
                }
                case "title" -> out.add("title=" + e.text());
                case "link" -> out.add("link:" + e.attr("rel") + "=" + e.attr("href"));
                default -> out.add(e.tagName());
            }
        }
        return out;
    }

    static String meta(Document doc, String key) {
        Element e = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return e == null ? null : e.attr("content");
    }

    static List<String> metas(Document doc, String key) {
        return doc.select("meta[property=" + key + "], meta[name=" + key + "]").eachAttr("content");
    }

    static JsonNode jsonLd(Document doc) {
        Element script = doc.selectFirst("script[type=application/ld+json]");
        return json(script.data());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
