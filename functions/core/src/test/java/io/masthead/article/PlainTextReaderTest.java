package io.masthead.article;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static io.masthead.article.FormatFixtures.UPLOADED;
import static io.masthead.article.FormatFixtures.paragraphs;
import static io.masthead.article.FormatFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainTextReaderTest {

    @Test
    void readsTheSeedArticleWithoutItsFurniture() {
        ParsedArticle parsed = parse("text/seed-article.txt");
        Article a = parsed.article();
        assertEquals("World", a.section());
        assertEquals("Iraq prepares to close down US-led coalition’s mission - PM statement", a.headline());
        List<String> body = paragraphs(a.bodyHtml());
        assertEquals(10, body.size(), body.toString());
        assertTrue(body.get(0).startsWith("The Iraqi government is forming a committee"), body.get(0));
        assertTrue(body.get(9).startsWith("Islamic State claimed responsibility"), body.get(9));
        for (String furniture : List.of("Share this news", "Published", "Updated", "10 months ago", "Acquire Licensing Rights", "Photo :")) {
            assertFalse(a.bodyHtml().contains(furniture), furniture + " in " + a.bodyHtml());
        }
        assertEquals("seed-article", a.slug());
        assertEquals(UPLOADED, a.published());
        assertNull(a.photo(), "the photo is settled against the bucket, not by the parser");

        PhotoLead lead = parsed.photoLead();
        assertEquals("photos/seed-article.", lead.prefix());
        assertEquals("People carry the coffins of members of Harakat al-Nujaba, killed by a US military strike which "
                + "targeted a leader of the group, during a funeral in Baghdad, Iraq January 4, 2024.", lead.caption());
        assertEquals(lead.caption(), lead.alt());
        assertEquals("REUTERS/Ahmed Saad", lead.credit());

        ImportReport report = parsed.report();
        assertEquals("text", report.format());
        assertTrue(report.isIgnored("Share this news"));
        assertTrue(report.isIgnored("10 months ago"));
        assertTrue(report.isIgnored("Published :"));
        assertTrue(report.isIgnored("Updated :"));
        assertTrue(report.isIgnored("Acquire Licensing Rights"));
        assertEquals("section", report.mappedTo("line 1"));
        assertTrue(report.guesses().stream().anyMatch(g -> g.startsWith("published: the upload time") && g.contains("10 months ago")),
                report.guesses().toString());
    }

    @Test
    void theDemoCopyOfTheSeedReadsTheSame() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("../../events/articles/iraq-coalition-mission-text.txt"));
        ParsedArticle parsed = FormatFixtures.PARSER.parseWithReport("articles/iraq-coalition-mission-text.txt", bytes, UPLOADED);
        assertEquals("iraq-coalition-mission-text", parsed.article().slug());
        assertEquals("World", parsed.article().section());
        assertEquals("photos/iraq-coalition-mission-text.", parsed.photoLead().prefix());
        assertEquals("REUTERS/Ahmed Saad", parsed.photoLead().credit());
    }

    @Test
    void aSectionWithoutAnAgeLineAPublishedLabelAndAnAfpCredit() {
        ParsedArticle parsed = parse("text/sport-afp-published.txt");
        Article a = parsed.article();
        assertEquals("Sport", a.section());
        assertEquals("Norway's skiers sweep the podium in Oslo sprint", a.headline());
        assertEquals("AFP", parsed.photoLead().credit());
        assertEquals("Johannes Klaebo crosses the line ahead of his team mates at Holmenkollen.", parsed.photoLead().caption());
        assertEquals("", parsed.photoLead().alt());
        assertEquals(OffsetDateTime.parse("2024-01-05T14:20:00Z"), a.published());
        assertEquals(a.published(), a.updated(), "an empty Updated label leaves updated at published");
        assertEquals(List.of("Norway took all three podium places in the men's sprint at Holmenkollen on Saturday, with Johannes Klaebo winning by more than a second.",
                "The home crowd of about 20,000 braved temperatures of minus 12 degrees to watch the final.",
                "\"It is always special to win here,\" Klaebo told reporters."), paragraphs(a.bodyHtml()));
        ImportReport report = parsed.report();
        assertTrue(report.isIgnored("Advertisement"));
        assertTrue(report.isIgnored("Share this article"));
        assertTrue(report.isIgnored("Share on Facebook"));
        assertEquals("published", report.mappedTo("Published :"));
        assertTrue(report.guesses().stream().anyMatch(g -> g.startsWith("section: \"Sport\"")), report.guesses().toString());
    }

    @Test
    void noSectionABylineAndNoCaption() {
        ParsedArticle parsed = parse("text/no-section-byline-no-caption.txt");
        Article a = parsed.article();
        assertEquals("", a.section());
        assertEquals("City council approves new cycle lanes for the harbour district", a.headline());
        assertEquals(List.of(new Author("Jane Doe", ""), new Author("John Smith", "")), a.authors());
        assertEquals(2, paragraphs(a.bodyHtml()).size());
        assertEquals("", parsed.photoLead().caption());
        assertEquals("", parsed.photoLead().credit());
        assertEquals("photos/no-section-byline-no-caption.", parsed.photoLead().prefix(), "a photo may still be beside it");
        assertTrue(parsed.report().isIgnored("2 hours ago"));
    }

    @Test
    void windowsLineEndsACreditOnItsOwnLineAndDatesWithoutAZone() {
        ParsedArticle parsed = parse("text/business-crlf-credit-line.txt");
        Article a = parsed.article();
        assertEquals("Business", a.section());
        assertEquals("Coffee prices climb to a 13-year high", a.headline());
        assertEquals("A cup of coffee on a wooden table.", parsed.photoLead().caption());
        assertEquals("Rachel Michetti", parsed.photoLead().credit());
        assertEquals(OffsetDateTime.parse("2024-01-05T14:20:00Z"), a.published());
        assertEquals(OffsetDateTime.parse("2024-01-06T09:05:00Z"), a.updated());
        assertTrue(parsed.report().guesses().stream().anyMatch(g -> g.contains("UTC assumed")), parsed.report().guesses().toString());
        // a hard-wrapped paragraph is joined back into one
        assertEquals(List.of("Arabica futures rose 4 per cent on Friday as dry weather in Brazil threatened the next harvest, traders said",
                "Roasters have already raised prices twice this year."), paragraphs(a.bodyHtml()));
    }

    @Test
    void linesThatEachEndASentenceAreParagraphsAndLinkTextIsNotCredit() {
        ParsedArticle parsed = parse("text/lines-as-paragraphs.txt");
        assertEquals("Science", parsed.article().section());
        assertEquals("NASA", parsed.photoLead().credit());
        assertEquals("The Hubble eXtreme Deep Field.", parsed.photoLead().caption());
        assertEquals(3, paragraphs(parsed.article().bodyHtml()).size());
        assertTrue(parsed.report().isIgnored("Purchase Licensing Rights"));
    }

    @Test
    void bodyTextIsEscapedNotMarkup() {
        ParsedArticle parsed = parse("articles/escape.txt", "Tech\n\nA headline\n\nUse <script>alert(1)</script> & see.\n");
        assertEquals("<p>Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; see.</p>", parsed.article().bodyHtml());
    }

    @Test
    void aPageOfFurnitureOnlyIsAClearError() {
        ArticleException e = assertThrows(ArticleException.class, () -> parse("text/only-furniture.txt"));
        assertEquals("(document)", e.field());
        assertTrue(e.problem().contains("furniture"), e.problem());
        assertEquals("articles/only-furniture.txt", e.article());
    }

    @Test
    void notUtf8IsAClearError() {
        byte[] latin1 = "Welt\n\nÜberschrift\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ArticleException e = assertThrows(ArticleException.class,
                () -> FormatFixtures.PARSER.parseWithReport("articles/x.txt", latin1, UPLOADED));
        assertEquals("is not valid UTF-8", e.problem());
    }

    @Test
    void aHeadlineOverThreeHundredCharactersNamesTheLine() {
        String headline = "word ".repeat(70).trim();
        ArticleException e = assertThrows(ArticleException.class, () -> parse("articles/long.txt", headline + "\n\nBody.\n"));
        assertTrue(e.field().startsWith("first line"), e.field());
        assertTrue(e.problem().contains("300"), e.problem());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "A rally in the square. (Photo: AFP/Getty Images)        | A rally in the square.  | AFP/Getty Images",
            "A rally in the square. Credit: Jane Roe/Example Press   | A rally in the square.  | Jane Roe/Example Press",
            "A rally in the square. Photograph: Jane Roe - Buy this photo | A rally in the square. | Jane Roe",
            "A rally in the square. Photo: AFP.                      | A rally in the square.  | AFP",
    })
    void creditLabelsAsPagesWriteThem(String captionLine, String caption, String credit) {
        ParsedArticle parsed = parse("articles/c.txt", "Politics\n\nProtesters fill the square\n\n" + captionLine + "\n\nBody text here.\n");
        assertEquals(caption, parsed.photoLead().caption());
        assertEquals(credit, parsed.photoLead().credit());
        assertEquals(List.of("Body text here."), paragraphs(parsed.article().bodyHtml()));
    }

    @Test
    void aSentenceWithAColonAfterPhotoIsBodyNotACredit() {
        ParsedArticle parsed = parse("articles/p.txt", "Culture\n\nGallery opens\n\n"
                + "The gallery shows one photo: a long exposure of the harbour at night, taken over three hours by a local amateur.\n");
        assertEquals("", parsed.photoLead().credit());
        assertEquals(1, paragraphs(parsed.article().bodyHtml()).size());
    }
}
