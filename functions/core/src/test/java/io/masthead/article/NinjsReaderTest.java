package io.masthead.article;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static io.masthead.article.FormatFixtures.UPLOADED;
import static io.masthead.article.FormatFixtures.fixture;
import static io.masthead.article.FormatFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NinjsReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void mapsANinjs3TextItemWithItsPicture() {
        ParsedArticle parsed = parse("ninjs/ninjs3-text-with-picture.json");
        Article a = parsed.article();
        assertEquals("Iraq prepares to close down US-led coalition’s mission", a.headline());
        assertEquals("Baghdad will form a committee to end the coalition’s presence.", a.summary());
        assertEquals(List.of(new Author("Timour Azhari", ""), new Author("Ahmed Rasheed", "")), a.authors());
        assertEquals("World", a.section());
        assertEquals(List.of("Iraq", "United States"), a.tags());
        assertEquals(OffsetDateTime.parse("2024-01-05T14:20:00Z"), a.published());
        assertEquals(OffsetDateTime.parse("2024-01-05T16:05:00Z"), a.updated());
        assertEquals("en", a.language());
        assertEquals(Status.PUBLISHED, a.status());
        assertEquals("ninjs3-text-with-picture", a.slug());
        assertNull(a.photo());

        PhotoLead lead = parsed.photoLead();
        assertEquals(List.of("photos/iraq-large.jpg", "photos/iraq web.jpg", "photos/iraq-thumb.jpg"),
                lead.candidates().stream().map(PhotoLead.Candidate::key).toList(), "bucket keys only, largest first");
        assertEquals(new Focus(0.25, 400.0 / 1333), lead.candidates().get(0).focus(), "poi in pixels becomes a fraction");
        assertEquals("People carry coffins during a funeral in Baghdad.", lead.caption());
        assertEquals("Mourners carrying coffins through a crowd", lead.alt());
        assertEquals("REUTERS/Ahmed Saad", lead.credit());

        ImportReport report = parsed.report();
        assertEquals("ninjs 3.x", report.format());
        assertEquals("headline", report.mappedTo("headlines[0]"));
        assertEquals("bodyHtml", report.mappedTo("bodies[1]"), "the HTML body is preferred");
        assertTrue(report.isIgnored("headlines[1] (sub)"));
        assertTrue(report.isIgnored("associations[0].renditions[0]"), "an external URL is never fetched");
        assertTrue(report.isIgnored("associations[0].renditions[4]"), "an output key is not a photo");
        assertTrue(report.isIgnored("associations[1]"));
        assertTrue(report.isIgnored("x-provider-desk"));
        assertTrue(report.isIgnored("slugline"));
        assertTrue(report.isIgnored("uri"));
    }

    @Test
    void sanitizesTheProvidersHtmlBody() {
        Article a = parse("ninjs/ninjs3-text-with-picture.json").article();
        Document body = Jsoup.parseBodyFragment(a.bodyHtml());
        assertEquals(0, body.select("script").size(), a.bodyHtml());
        assertFalse(a.bodyHtml().contains("onclick"), a.bodyHtml());
        assertEquals(List.of("The Iraqi government is forming a committee.", "Sudani’s statement came a day after a US strike."),
                body.select("p").eachText());
    }

    @Test
    void mapsANinjs2ItemInLowerCase() {
        ParsedArticle parsed = parse("ninjs/ninjs2-plain-canceled.json");
        Article a = parsed.article();
        assertEquals("ninjs 2.x", parsed.report().format());
        assertEquals("Haushalt: Abstimmung verschoben", a.headline());
        assertEquals(Status.WITHDRAWN, a.status(), "canceled withdraws");
        assertEquals(OffsetDateTime.parse("2024-05-02T09:00:00+02:00"), a.published());
        assertEquals(OffsetDateTime.parse("2024-05-02T12:30:00+02:00"), a.updated());
        assertEquals("de", a.language());
        assertEquals(List.of("Politik"), a.tags(), "a subject's literal when it has no name");
        assertEquals("<p>Die Abstimmung über den Haushalt wird verschoben.</p><p>Ein neuer Termin steht noch nicht fest.</p>", a.bodyHtml());
        PhotoLead lead = parsed.photoLead();
        assertEquals("photos/parliament.jpg", lead.candidates().get(0).key());
        assertEquals("Example Press", lead.credit(), "from the copyright notice, without the mark and year");
        assertEquals("photo.credit", parsed.report().mappedTo("associations[0].copyrightnotice"));
    }

    @Test
    void pubStatusWithheldWithdrawsAndVersionsAreDetected() throws Exception {
        ObjectNode item = minimal();
        item.put("pubStatus", "withheld");
        assertEquals(Status.WITHDRAWN, read(item).article().status());
        assertEquals(3, NinjsReader.majorVersion(item));
        ObjectNode old = minimal();
        old.put("pubstatus", "usable");
        assertEquals(2, NinjsReader.majorVersion(old));
        assertEquals(Status.PUBLISHED, read(old).article().status());
    }

    @Test
    void onlyNinjsIsReadAsNinjs() throws Exception {
        assertTrue(NinjsReader.isNinjs(minimal()));
        assertFalse(NinjsReader.isNinjs(JSON.readTree("{\"headline\":\"H\",\"uri\":\"x\",\"type\":\"text\"}")), "v1 has a headline");
        assertFalse(NinjsReader.isNinjs(JSON.readTree("{\"uri\":\"x\"}")));
        Article v1 = FormatFixtures.PARSER.parse("articles/v.json", "{\"headline\":\"H\",\"uri\":\"x\",\"type\":\"text\"}".getBytes(), UPLOADED);
        assertEquals("H", v1.headline());
    }

    @Test
    void schemaViolationsNameTheField() throws Exception {
        ObjectNode badStatus = minimal();
        badStatus.put("pubStatus", "deleted");
        assertEquals("pubStatus", reject(badStatus).field());

        ObjectNode badWidth = (ObjectNode) JSON.readTree(fixture("ninjs/ninjs3-text-with-picture.json"));
        ((ObjectNode) badWidth.get("associations").get(0).get("renditions").get(1)).put("width", "wide");
        assertEquals("associations[0].renditions[1].width", reject(badWidth).field());

        ObjectNode noUri = minimal();
        noUri.remove("uri");
        noUri.put("version", "1");
        // without uri it is not ninjs, so article JSON v1 asks for its headline
        assertEquals("headline", reject(noUri).field());

        ObjectNode noName = minimal();
        noName.putArray("associations").addObject().put("uri", "urn:x").put("type", "picture");
        assertEquals("associations[0].name", reject(noName).field());
    }

    @Test
    void rulesBeyondTheSchemaNameTheNinjsField() {
        ObjectNode noHeadline = minimal();
        noHeadline.remove("headlines");
        assertEquals("headlines", reject(noHeadline).field());

        ObjectNode badDate = minimal();
        badDate.put("firstCreated", "yesterday");
        assertEquals("firstCreated (published)", reject(badDate).field());

        ObjectNode embargoed = minimal();
        embargoed.put("embargoedUntil", "2030-01-01T00:00:00Z");
        ArticleException e = reject(embargoed);
        assertEquals("embargoedUntil", e.field());
        assertTrue(e.problem().contains("after the upload"), e.problem());

        ObjectNode pastEmbargo = minimal();
        pastEmbargo.put("embargoedUntil", "2020-01-01T00:00:00Z");
        assertTrue(read(pastEmbargo).report().isIgnored("embargoedUntil"));
    }

    @Test
    void theTitleStandsInForAMissingHeadlineAsAGuess() {
        ObjectNode item = minimal();
        item.remove("headlines");
        item.put("title", "Metadata title");
        ParsedArticle parsed = read(item);
        assertEquals("Metadata title", parsed.article().headline());
        assertTrue(parsed.report().guesses().stream().anyMatch(g -> g.startsWith("headline:")));
    }

    private static ObjectNode minimal() {
        ObjectNode item = JSON.createObjectNode();
        item.put("uri", "urn:example:1");
        item.put("type", "text");
        item.putArray("headlines").addObject().put("value", "A headline");
        return item;
    }

    private static ParsedArticle read(ObjectNode item) {
        return FormatFixtures.PARSER.parseWithReport("articles/item.json", item.toString().getBytes(), UPLOADED);
    }

    private static ArticleException reject(ObjectNode item) {
        return assertThrows(ArticleException.class, () -> read(item));
    }
}
