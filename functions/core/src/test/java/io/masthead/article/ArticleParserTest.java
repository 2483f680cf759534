package io.masthead.article;

import io.masthead.site.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleParserTest {
    private static final Site SITE = new Site("Daily", "https://news.example.com", "https://cdn.example.com", 50, null, null, null);
    private static final OffsetDateTime UPLOADED = OffsetDateTime.parse("2024-05-01T10:00:00Z");
    private final ArticleParser parser = new ArticleParser(SITE);

    private Article parse(String key, String json) {
        return parser.parse(key, json.getBytes(StandardCharsets.UTF_8), UPLOADED);
    }

    private ArticleException reject(String json) {
        return assertThrows(ArticleException.class, () -> parse("articles/story.json", json));
    }

    @Test
    void appliesEveryDefaultToAMinimalArticle() {
        Article a = parse("articles/My Story Ünïcode.json", "{\"headline\": \"  Hello   world \"}");
        assertEquals("my-story-unicode", a.slug());
        assertEquals("Hello world", a.headline());
        assertEquals("https://news.example.com/my-story-unicode", a.url());
        assertEquals(UPLOADED, a.published());
        assertEquals(UPLOADED, a.updated());
        assertEquals("en", a.language());
        assertEquals(Status.PUBLISHED, a.status());
        assertEquals("", a.summary());
        assertNull(a.photo());
    }

    @Test
    void readsEveryFieldOfTheSampleArticle() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("../../events/articles/iraq-coalition-mission.json"));
        Article a = parser.parse("articles/iraq-coalition-mission.json", bytes, UPLOADED);
        assertEquals("iraq-coalition-mission", a.slug());
        assertEquals("Iraq prepares to close down US-led coalition’s mission - PM statement", a.headline());
        assertEquals("World", a.section());
        assertEquals(OffsetDateTime.parse("2024-01-05T14:20:00Z"), a.published());
        assertEquals(OffsetDateTime.parse("2024-01-05T16:05:00Z"), a.updated());
        assertEquals(List.of("Iraq", "United States", "Middle East"), a.tags());
        assertEquals("SpaceX", a.photo().credit());
        assertEquals("photos/rocket.jpg", a.photo().key());
        assertEquals(new Author("Masthead World Desk", "https://news.example.com/authors/world-desk"), a.authors().get(0));
        // no summary given: the body's first paragraph, cut near 200 characters at a word
        assertTrue(a.summary().startsWith("The Iraqi government is forming a committee"), a.summary());
        assertTrue(a.summary().endsWith("said on Friday."), a.summary());
    }

    @Test
    void altDefaultsToCaptionAndAuthorsMayBeStringsOrObjects() {
        Article a = parse("articles/x.json", """
                {"headline":"H","authors":["Ann", {"name":"Bob","url":"https://e.com/bob"}],
                 "photo":{"key":"photos/a b.jpg","caption":"A caption","focus":{"x":0.2,"y":0.8}},
                 "status":"withdrawn","tags":["a"," a ","","b"],"unknown":{"ignored":true}}""");
        assertEquals("A caption", a.photo().alt());
        assertEquals(new Focus(0.2, 0.8), a.photo().focus());
        assertEquals(List.of(new Author("Ann", ""), new Author("Bob", "https://e.com/bob")), a.authors());
        assertEquals(Status.WITHDRAWN, a.status());
        assertEquals(List.of("a", "b"), a.tags());
    }

    @Test
    void cutsADefaultSummaryAtAWordNear200Characters() {
        String paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit ".repeat(8);
        Article a = parse("articles/x.json", "{\"headline\":\"h\",\"bodyHtml\":\"<p></p><p>" + paragraph + "</p><p>second</p>\"}");
        assertTrue(a.summary().length() <= 200 && a.summary().length() > 150, a.summary());
        assertTrue(a.summary().endsWith("…") && !a.summary().endsWith(" …"), a.summary());
        assertTrue(paragraph.startsWith(a.summary().substring(0, a.summary().length() - 1)), a.summary());
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] json = "\uFEFF{\"headline\":\"Bom\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Bom", parser.parse("articles/bom.json", json, UPLOADED).headline());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON                 | {headline:                                        | (document) | not valid JSON",
            "an array                 | [1,2]                                             | (document) | must be a JSON object, found an array",
            "a string                 | \"text\"                                          | (document) | found a string",
            "missing headline         | {}                                                | headline   | is required",
            "headline a number        | {\"headline\": 5}                                 | headline   | string",
            "headline of spaces       | {\"headline\": \"   \\u0007  \"}                  | headline   | is empty",
            "headline too long        | {\"headline\": \"" + "x" + "\", \"slug\": \"Bad Slug\"} | slug | pattern",
            "date wrong format        | {\"headline\": \"h\", \"published\": \"05/01/2024\"} | published  | RFC 3339",
            "absurd year              | {\"headline\": \"h\", \"published\": \"9999-01-01T00:00:00Z\"} | published | implausible year",
            "updated before published | {\"headline\": \"h\", \"published\": \"2024-01-02T00:00:00Z\", \"updated\": \"2024-01-01T00:00:00Z\"} | updated | before published",
            "url not http             | {\"headline\": \"h\", \"url\": \"javascript:alert(1)\"} | url | absolute http(s)",
            "photo without key        | {\"headline\": \"h\", \"photo\": {}}               | photo.key  | is required",
            "photo traversal          | {\"headline\": \"h\", \"photo\": {\"key\": \"photos/../items/x.json\"}} | photo.key | segments",
            "photo encoded traversal  | {\"headline\": \"h\", \"photo\": {\"key\": \"photos/%2e%2e/x.jpg\"}} | photo.key | segments",
            "photo absolute           | {\"headline\": \"h\", \"photo\": {\"key\": \"/etc/passwd\"}} | photo.key | relative key",
            "photo backslash          | {\"headline\": \"h\", \"photo\": {\"key\": \"photos\\\\x.jpg\"}} | photo.key | backslashes",
            "photo other bucket       | {\"headline\": \"h\", \"photo\": {\"key\": \"s3://other/x.jpg\"}} | photo.key | not a URL or another bucket",
            "photo is an output       | {\"headline\": \"h\", \"photo\": {\"key\": \"cards/x/og-1.jpg\"}} | photo.key | points at an output",
            "focus out of range       | {\"headline\": \"h\", \"photo\": {\"key\": \"p.jpg\", \"focus\": {\"x\": 2, \"y\": 0}}} | photo.focus.x | ",
            "bad status               | {\"headline\": \"h\", \"status\": \"draft\"}       | status     | ",
            "bad language             | {\"headline\": \"h\", \"language\": \"english language\"} | language | pattern",
            "tags not array           | {\"headline\": \"h\", \"tags\": \"a,b\"}           | tags       | array",
    })
    void rejectsBadInputNamingTheFieldAndProblem(String name, String json, String field, String problem) {
        ArticleException e = reject(json);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(problem == null ? "" : problem), e.getMessage());
        assertTrue(e.article().startsWith("articles/story.json"), e.getMessage());
    }

    @Test
    void rejectsAHeadlineLongerThan300Characters() {
        ArticleException e = reject("{\"headline\": \"" + "word ".repeat(61) + "x\"}");
        assertEquals("headline", e.field());
    }

    @Test
    void rejectsInvalidUtf8AndOversizeDocuments() {
        byte[] invalid = {'{', '"', 'h', 'e', 'a', 'd', 'l', 'i', 'n', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ArticleException e = assertThrows(ArticleException.class, () -> parser.parse("articles/u.json", invalid, UPLOADED));
        assertTrue(e.problem().contains("UTF-8"), e.getMessage());
        byte[] huge = ("{\"headline\":\"h\",\"bodyHtml\":\"" + "x".repeat(ArticleParser.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        e = assertThrows(ArticleException.class, () -> parser.parse("articles/big.json", huge, UPLOADED));
        assertTrue(e.problem().contains("limit"), e.getMessage());
    }

    @Test
    void slugOfKeyIsSafeForAnyKey() {
        assertEquals("cafe-au-lait", ArticleParser.slugOfKey("articles/Café au lait.json"));
        assertEquals("etc-passwd", ArticleParser.slugOfKey("articles/..%2Fetc passwd.json".replace("%2F", "-")));
        assertTrue(Slugs.isValid(ArticleParser.slugOfKey("articles/" + "a".repeat(300) + ".json")));
    }
}
