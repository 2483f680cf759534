package io.masthead.article;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.masthead.article.FormatFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settling a photo lead against what the bucket holds (a set of keys standing for a listing). */
class ParsedArticleTest {

    private static PhotoLookup bucket(String... keys) {
        Set<String> held = Set.of(keys);
        return PhotoLookup.of(held::contains, prefix -> held.stream().filter(k -> k.startsWith(prefix)).sorted().toList());
    }

    @Test
    void aPlainTextPageTakesTheImageNamedAfterItsSlug() {
        ParsedArticle parsed = parse("text/seed-article.txt");
        ParsedArticle resolved = parsed.resolvePhoto(bucket("photos/seed-article.png", "photos/seed-article.jpg",
                "photos/seed-article.backup.jpg", "photos/seed-article-2.jpg", "photos/seed-article.txt"));
        Photo photo = resolved.article().photo();
        assertEquals("photos/seed-article.jpg", photo.key(), "jpg before png; other names are not this article's photo");
        assertEquals("REUTERS/Ahmed Saad", photo.credit());
        assertEquals(parsed.photoLead().caption(), photo.caption());
        assertNull(resolved.photoLead());
        assertTrue(resolved.report().guesses().stream().anyMatch(g -> g.contains("photos/seed-article.jpg chosen among")),
                resolved.report().guesses().toString());
        assertEquals(parsed.article().headline(), resolved.article().headline());
    }

    @Test
    void withoutAnAdjacentImageItIsATextCard() {
        ParsedArticle resolved = parse("text/seed-article.txt").resolvePhoto(bucket("photos/seed-article-other.jpg", "photos/seed-article.json"));
        assertNull(resolved.article().photo());
        assertNull(resolved.photoLead());
        assertTrue(resolved.report().guesses().stream().anyMatch(g -> g.contains("a text card is used")));
    }

    @Test
    void aNinjsPictureTakesTheLargestRenditionThatExists() {
        ParsedArticle parsed = parse("ninjs/ninjs3-text-with-picture.json");
        Photo photo = parsed.resolvePhoto(bucket("photos/iraq-thumb.jpg", "photos/iraq web.jpg")).article().photo();
        assertEquals("photos/iraq web.jpg", photo.key());
        assertNull(photo.focus(), "the poi belongs to the large rendition, which is missing");
        Photo large = parsed.resolvePhoto(bucket("photos/iraq-thumb.jpg", "photos/iraq-large.jpg")).article().photo();
        assertEquals("photos/iraq-large.jpg", large.key());
        assertEquals(0.25, large.focus().x(), 1e-9);
        assertEquals("Mourners carrying coffins through a crowd", large.alt());
        assertNull(parsed.resolvePhoto(bucket()).article().photo());
    }

    @Test
    void withoutALeadNothingIsLookedUp() {
        ParsedArticle parsed = parse("markdown/hugo-post.md");
        PhotoLookup failing = PhotoLookup.of(k -> { throw new AssertionError("looked up " + k); },
                p -> { throw new AssertionError("listed " + p); });
        assertSame(parsed, parsed.resolvePhoto(failing));
    }

    @Test
    void theImportReportSurvivesJson() throws Exception {
        JsonMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        for (String fixture : List.of("text/seed-article.txt", "markdown/hugo-post.md", "ninjs/ninjs3-text-with-picture.json")) {
            ImportReport report = parse(fixture).report();
            String text = json.writeValueAsString(report);
            assertEquals(report, json.readValue(text, ImportReport.class), text);
            assertTrue(text.contains("\"mapped\":[{\"from\""), text);
        }
    }

    @Test
    void articleJsonV1HasAReportToo() {
        ImportReport report = parse("articles/v.json", "{\"headline\":\"H\",\"section\":\"World\",\"extra\":1}").report();
        assertEquals("article-json v1", report.format());
        assertEquals("section", report.mappedTo("section"));
        assertTrue(report.isIgnored("extra"));
    }
}
