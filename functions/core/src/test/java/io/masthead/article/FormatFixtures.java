package io.masthead.article;

import io.masthead.site.Site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** Shared by the format tests: one site, one upload time, fixtures from test resources. */
final class FormatFixtures {
    static final Site SITE = new Site("Daily", "https://news.example.com", "https://cdn.example.com", 50, null, null, null);
    static final OffsetDateTime UPLOADED = OffsetDateTime.parse("2024-05-01T10:00:00Z");
    static final ArticleParser PARSER = new ArticleParser(SITE);

    private FormatFixtures() {
    }

    static byte[] fixture(String path) {
        try (InputStream in = FormatFixtures.class.getResourceAsStream("/article/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the fixture {@code dir/name} uploaded as {@code articles/name}. */
    static ParsedArticle parse(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return PARSER.parseWithReport("articles/" + name, fixture(path), UPLOADED);
    }

    static ParsedArticle parse(String key, String text) {
        return PARSER.parseWithReport(key, text.getBytes(StandardCharsets.UTF_8), UPLOADED);
    }

    /** The paragraphs of a body made by the readers, as text. */
    static java.util.List<String> paragraphs(String bodyHtml) {
        return org.jsoup.Jsoup.parseBodyFragment(bodyHtml).select("p").eachText();
    }
}
