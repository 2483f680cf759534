package io.masthead.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static io.masthead.article.FormatFixtures.UPLOADED;
import static io.masthead.article.FormatFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReaderTest {

    @Test
    void mapsHugoFrontMatter() {
        ParsedArticle parsed = parse("markdown/hugo-post.md");
        Article a = parsed.article();
        assertEquals("Harbour cycle lanes: what changes on Monday", a.headline());
        assertEquals(OffsetDateTime.parse("2024-02-12T07:30:00+01:00"), a.published());
        assertEquals(OffsetDateTime.parse("2024-02-12T11:45:00+01:00"), a.updated());
        assertEquals("Six kilometres of protected lanes open to riders, and three streets become one-way.", a.summary());
        assertEquals("Local", a.section());
        assertEquals(List.of("cycling", "harbour"), a.tags());
        assertEquals(List.of(new Author("Jane Doe", "")), a.authors());
        assertEquals(new Photo("photos/harbour-lanes.jpg", "The new lane on Quay Street, separated from traffic by a kerb.", "",
                "City of Example", null), a.photo());
        assertEquals(Status.PUBLISHED, a.status());
        assertNull(parsed.photoLead(), "a named photo key needs no lookup");

        ImportReport report = parsed.report();
        assertEquals("markdown", report.format());
        assertEquals("headline", report.mappedTo("title"));
        assertEquals("published", report.mappedTo("date"));
        assertEquals("updated", report.mappedTo("lastmod"));
        assertEquals("section", report.mappedTo("categories[0]"));
        assertTrue(report.isIgnored("weight"));
        assertTrue(report.isIgnored("layout"));
        assertTrue(report.isIgnored("categories[1..]"), "tags are given, so the second category is not added");
    }

    @Test
    void rendersTheBodySafely() {
        Article a = parse("markdown/hugo-post.md").article();
        Document body = Jsoup.parseBodyFragment(a.bodyHtml());
        assertEquals(0, body.select("script").size(), a.bodyHtml());
        assertEquals(0, body.select("b").size(), "inline HTML is shown as text");
        assertTrue(body.text().contains("<script>alert(\"not run\")</script>"), "raw HTML is visible, escaped");
        assertEquals("https://example.gov/map", body.select("a").get(0).attr("href"));
        assertFalse(body.select("a").get(1).attr("href").contains("javascript"), a.bodyHtml());
        assertEquals(1, body.select("table").size(), "GFM tables render");
        assertEquals(2, body.select("tbody tr").size());
        assertEquals(1, body.select("strong").size());
        assertEquals(0, body.select("h1").size(), "the heading that repeats the title is left out");
        assertTrue(parse("markdown/hugo-post.md").report().isIgnored("(raw HTML in the body)"));
    }

    @Test
    void mapsJekyllFrontMatter() {
        ParsedArticle parsed = parse("markdown/jekyll-post.md");
        Article a = parsed.article();
        assertEquals("Derby ends in a draw after late equaliser", a.headline());
        assertEquals(OffsetDateTime.parse("2024-03-02T17:45:00Z"), a.published());
        assertEquals("Sport", a.section());
        assertEquals(List.of("football", "derby", "league"), a.tags());
        assertEquals(Status.WITHDRAWN, a.status(), "published: false keeps it off the site");
        assertEquals(new Photo("photos/derby.jpg", "Fans in the north stand before kick-off.",
                "A packed stand of supporters waving scarves", "Photo Desk", null), a.photo());
        assertEquals("photo.key", parsed.report().mappedTo("image.path"));
        assertTrue(parsed.report().guesses().contains("tags: one text, split at commas"));
    }

    @Test
    void articleJsonV1KeysWorkInFrontMatter() {
        Article a = parse("markdown/v1-keys.md").article();
        assertEquals("markets-steady", a.slug());
        assertEquals("Business", a.section());
        assertEquals("en-GB", a.language());
        assertEquals(List.of(new Author("Ann Lee", "https://news.example.com/authors/ann-lee"), new Author("Bob Kim", "")), a.authors());
        assertEquals(OffsetDateTime.parse("2024-04-10T18:30:00Z"), a.updated());
        assertEquals(new Focus(0.3, 0.4), a.photo().focus());
        assertEquals("Exchange Press Office", a.photo().credit());
        assertEquals("Shares barely moved after the central bank held rates.", a.summary());
    }

    @Test
    void withoutFrontMatterTheFirstHeadingIsTheHeadline() {
        ParsedArticle parsed = parse("markdown/no-front-matter.md");
        assertEquals("Library extends opening hours", parsed.article().headline());
        assertEquals("<p>The central library will open until 10pm on weekdays from May.</p>", parsed.article().bodyHtml());
        assertEquals("no-front-matter", parsed.article().slug());
        assertEquals(UPLOADED, parsed.article().published());
        assertEquals("headline", parsed.report().mappedTo("# heading"));
    }

    @Test
    void dateOnlyAndSitePathsAreGuessesInTheReport() {
        ParsedArticle parsed = parse("articles/x.markdown", """
                ---
                title: T
                date: 2024-01-05
                images: ["https://cdn.example.com/photos/a%20b.jpg", "/photos/other.jpg"]
                ---
                Body.
                """);
        assertEquals(OffsetDateTime.parse("2024-01-05T00:00:00Z"), parsed.article().published());
        assertEquals("photos/a b.jpg", parsed.article().photo().key());
        assertTrue(parsed.report().guesses().stream().anyMatch(g -> g.contains("midnight UTC assumed")), parsed.report().guesses().toString());
        assertTrue(parsed.report().isIgnored("images[1..]"));
    }

    @Test
    void draftTrueIsWithdrawnAndHeadlineWinsOverTitle() {
        ParsedArticle parsed = parse("articles/d.md", "---\ntitle: Old title\nheadline: New headline\ndraft: true\n---\nText\n");
        assertEquals("New headline", parsed.article().headline());
        assertEquals(Status.WITHDRAWN, parsed.article().status());
        assertTrue(parsed.report().isIgnored("title"));
    }

    @Test
    void badFrontMatterIsAClearError() {
        assertEquals("(front matter)", reject("+++\ntitle = \"T\"\n+++\nBody").field());
        assertEquals("(front matter)", reject("---\ntitle: T\nBody without a closing line").field());
        ArticleException yaml = reject("---\ntitle: [unclosed\n---\nBody");
        assertEquals("(front matter)", yaml.field());
        assertTrue(yaml.problem().startsWith("is not valid YAML"), yaml.problem());
        assertTrue(reject("---\ntitle: T\ntitle: U\n---\nBody").problem().contains("title"), "duplicate keys are refused");
        assertEquals("(front matter)", reject("---\n- a list\n---\nBody").field());
    }

    @Test
    void fieldErrorsNameTheFrontMatterKey() {
        assertEquals("title", reject("---\ndescription: no title\n---\nJust text.").field());
        ArticleException date = reject("---\ntitle: T\ndate: next tuesday\n---\nBody");
        assertEquals("date", date.field());
        ArticleException url = reject("---\ntitle: T\nimage: https://elsewhere.example.org/x.jpg\n---\nBody");
        assertEquals("image (photo.key)", url.field());
        assertTrue(url.problem().contains("not a URL"), url.problem());
        ArticleException updated = reject("---\ntitle: T\ndate: 2024-02-01T00:00:00Z\nlastmod: 2024-01-01T00:00:00Z\n---\nBody");
        assertEquals("lastmod (updated)", updated.field());
        assertEquals("title", reject("---\ntitle: [a, b]\n---\nBody").field());
    }

    @Test
    void yamlAliasesAreNotExpandedSoAnAliasBombIsHarmless() {
        StringBuilder yaml = new StringBuilder("---\ntitle: T\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        yaml.append("---\nBody\n");
        // Expanded, z would hold 10 x 6^24 values; read as events, it is 26 short lists.
        ParsedArticle parsed = parse("articles/bomb.md", yaml.toString());
        assertEquals("T", parsed.article().headline());
        assertTrue(parsed.report().isIgnored("z"));
    }

    private static ArticleException reject(String markdown) {
        return assertThrows(ArticleException.class, () -> parse("articles/bad.md", markdown));
    }
}
