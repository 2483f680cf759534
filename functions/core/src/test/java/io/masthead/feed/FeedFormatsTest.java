package io.masthead.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.masthead.feed.FeedFixtures.SITE;
import static io.masthead.feed.FeedFixtures.T0;
import static io.masthead.feed.FeedFixtures.created;
import static io.masthead.feed.FeedFixtures.deleted;
import static io.masthead.feed.FeedFixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedFormatsTest {
    static final String NASTY_TITLE = "Bread &amp; butter&nbsp;prices\u0001 rise \uD800 &#8212; \u201Cnow\u201D \uD83D\uDE00";
    static final String NASTY_HTML = "<p>Read <a href=\"/more\">more</a> &nbsp;and <!-- x]]>y --><a title=\"q\" href=\"https://e.com/a\">this</a>"
            + "<img src=\"img/p.jpg\"></p><p>bad \u0007 char</p>";

    private final FeedRenderer renderer = new FeedRenderer(SITE);

    /** Three items, one with hostile text and a non-UTC offset, one deleted. */
    static FeedWindow sampleWindow() {
        FeedItem a = item("alpha", 10);
        FeedItem b = FeedFixtures.withText(item("bravo", 20, 45, "World", "B"), NASTY_TITLE,
                "Costs &lt;up&gt; &amp; more", NASTY_HTML);
        FeedItem offset = new FeedItem(item("charlie", 0).id(), "charlie", "https://news.example.com/charlie",
                "https://cdn.example.com/share/charlie.html", "Offset", "s", "", "Business", List.of(), List.of(),
                "fr-FR", T0.plusMinutes(15).withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30)),
                T0.plusMinutes(16).withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30)), null, Map.of(), "", "", "", "C");
        FeedItem old = item("delta", -60 * 72);
        FeedItem gone = item("echo", 5);
        return FeedWindow.empty(5).apply(List.of(created(a, "1"), created(b, "2"), created(offset, "3"),
                        created(old, "4"), created(gone, "5")), i -> true)
                .apply(List.of(deleted("echo", "6", 50)), i -> true);
    }

    private Map<String, byte[]> render(FeedScope scope, FeedWindow window) {
        return renderer.render(scope, window).stream()
                .collect(Collectors.toMap(d -> d.key().substring(scope.prefix().length()), FeedDocument::bytes));
    }

    private static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> elements(Document d, String ns, String name) {
        NodeList list = d.getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    @Test
    void rssParsesWithRomeAndCarriesEveryRequiredElement() throws Exception {
        byte[] rss = render(FeedScope.SITE, sampleWindow()).get("rss.xml");
        Channel ch = (Channel) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(rss)));
        assertEquals("rss_2.0", ch.getFeedType());
        assertEquals("The Daily Example", ch.getTitle());
        assertEquals("https://news.example.com/", ch.getLink());
        assertFalse(ch.getDescription().isBlank());
        assertEquals("en", ch.getLanguage());
        assertEquals(5, ch.getTtl());
        assertEquals(T0.plusMinutes(50).toInstant(), ch.getLastBuildDate().toInstant(), "newest change (the deletion), not the clock");
        assertEquals(List.of("bravo", "charlie", "alpha", "delta"),
                ch.getItems().stream().map(i -> i.getLink().substring(i.getLink().lastIndexOf('/') + 1)).toList());
        Item bravo = ch.getItems().get(0);
        assertEquals(item("bravo", 0).id(), bravo.getGuid().getValue());
        assertFalse(bravo.getGuid().isPermaLink());
        assertEquals("Costs <up> & more", bravo.getDescription().getValue());
        assertEquals(List.of("World", "tag-bravo"), bravo.getCategories().stream().map(c -> c.getValue()).toList());

        SyndFeed synd = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(rss)));
        SyndEntry e = synd.getEntries().get(0);
        assertEquals("Reporter bravo", e.getAuthor(), "dc:creator");
        String html = e.getContents().get(0).getValue();
        assertTrue(html.contains("href=\"https://news.example.com/more\""), html);
        assertTrue(html.contains("src=\"https://news.example.com/img/p.jpg\""), "relative image made absolute: " + html);
        assertTrue(html.contains("<!-- x]]>y -->"), "]]> survives the CDATA split: " + html);
        assertTrue(html.contains("\u00A0and"), "no-break space as a character: " + html);
        assertFalse(html.contains("&nbsp;"), html);
        assertFalse(html.contains("\u0007"));

        Document d = dom(rss);
        Element self = elements(d, RssFeed.ATOM, "link").get(0);
        assertEquals("https://cdn.example.com/feeds/rss.xml", self.getAttribute("href"));
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("application/rss+xml", self.getAttribute("type"));
        for (Element pub : elements(d, "", "pubDate")) {
            assertTrue(pub.getTextContent().matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
                    + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"), pub.getTextContent());
        }
        List<Element> media = elements(d, RssFeed.MEDIA, "content");
        assertEquals(3, media.size(), "one per item with a card");
        Element card = media.get(0);
        assertEquals("https://cdn.example.com/cards/bravo/og-abc.jpg", card.getAttribute("url"));
        assertEquals("1200", card.getAttribute("width"));
        assertEquals("630", card.getAttribute("height"));
        assertEquals("image/jpeg", card.getAttribute("type"));
        assertEquals("REUTERS/Ahmed Saad", card.getElementsByTagNameNS(RssFeed.MEDIA, "credit").item(0).getTextContent());
        assertEquals("A caption for bravo", card.getElementsByTagNameNS(RssFeed.MEDIA, "description").item(0).getTextContent());
        Element thumb = elements(d, RssFeed.MEDIA, "thumbnail").get(0);
        assertEquals("https://cdn.example.com/cards/bravo/square-abc.jpg", thumb.getAttribute("url"));
        assertEquals("600", thumb.getAttribute("width"));
    }

    @Test
    void textIsCleanedAndEntitiesConverted() throws Exception {
        byte[] rss = render(FeedScope.SITE, sampleWindow()).get("rss.xml");
        Channel ch = (Channel) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(rss)));
        String title = ch.getItems().get(0).getTitle();
        assertEquals("Bread & butter\u00A0prices rise  \u2014 \u201Cnow\u201D \uD83D\uDE00", title);
        String xml = new String(rss, StandardCharsets.UTF_8);
        assertFalse(xml.contains("\u0001") || xml.contains("\uD800\u0020"));
        assertFalse(xml.contains("&amp;nbsp;"), "no double-escaped entity");
    }

    @Test
    void xmlSafeDropsIllegalCharactersAndLoneSurrogatesButKeepsPairs() {
        assertEquals("ab\tc\n", FeedText.xmlSafe("a\u0000b\t\u001Fc\n\uFFFE"));
        assertEquals("xy", FeedText.xmlSafe("x\uDC00y"));
        assertEquals("x", FeedText.xmlSafe("x\uD83D"));
        assertEquals("\uD83D\uDE00", FeedText.xmlSafe("\uD83D\uDE00"));
        assertEquals("caf\u00E9 \u00A0 \u2019", FeedText.plain("caf&eacute; &nbsp; &#x2019;"));
        assertEquals(List.of("a]]", ">b]]", ">c"), FeedText.cdataPieces("a]]>b]]>c"));
    }

    @Test
    void bodiesLoseActiveContent() {
        String html = FeedText.html("<p onclick=\"x()\">a<script>alert(1)</script><a href=\"javascript:alert(1)\">b</a>"
                + "<style>p{}</style><img src=\"/i.png\" onerror=\"x()\"></p>", "https://news.example.com/s/a");
        assertEquals("<p>a<a>b</a><img src=\"https://news.example.com/i.png\"></p>", html);
    }

    @Test
    void datesAreEnglishAndUtcWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            OffsetDateTime t = OffsetDateTime.of(2026, 3, 1, 17, 30, 5, 999, ZoneOffset.ofHours(5));
            assertEquals("Sun, 01 Mar 2026 12:30:05 +0000", FeedDates.rfc822(t));
            assertEquals("2026-03-01T12:30:05Z", FeedDates.rfc3339(t));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void atomParsesWithRomeAndShowsWithdrawnItemsAsTombstones() throws Exception {
        byte[] atom = render(FeedScope.SITE, sampleWindow()).get("atom.xml");
        Feed feed = (Feed) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(atom)));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("https://cdn.example.com/feeds/atom.xml", feed.getId());
        Map<String, String> links = feed.getOtherLinks().stream().collect(Collectors.toMap(Link::getRel, Link::getHref));
        links.putAll(feed.getAlternateLinks().stream().collect(Collectors.toMap(Link::getRel, Link::getHref)));
        assertEquals("https://cdn.example.com/feeds/atom.xml", links.get("self"));
        assertEquals("https://news.example.com/", links.get("alternate"));
        assertEquals(T0.plusMinutes(50).toInstant(), feed.getUpdated().toInstant(), "the deletion is the newest change");
        Entry bravo = feed.getEntries().get(0);
        assertEquals(item("bravo", 0).id(), bravo.getId());
        assertEquals(T0.plusMinutes(45).toInstant(), bravo.getUpdated().toInstant());
        assertEquals(T0.plusMinutes(20).toInstant(), bravo.getPublished().toInstant());
        assertEquals("Reporter bravo", bravo.getAuthors().get(0).getName());
        assertEquals("html", bravo.getContents().get(0).getType());
        assertTrue(bravo.getContents().get(0).getValue().contains("https://news.example.com/more"));
        assertEquals("https://news.example.com/bravo", bravo.getAlternateLinks().get(0).getHref());

        Document d = dom(atom);
        List<Element> stones = elements(d, AtomFeed.TOMBSTONES, "deleted-entry");
        assertEquals(1, stones.size());
        assertEquals(item("echo", 0).id(), stones.get(0).getAttribute("ref"));
        assertEquals("2026-03-01T12:50:00Z", stones.get(0).getAttribute("when"));
        for (Element u : elements(d, AtomFeed.ATOM, "updated")) {
            assertTrue(u.getTextContent().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), u.getTextContent());
        }
    }

    @Test
    void jsonFeedIsValidAgainstTheJsonFeedSchema() throws Exception {
        byte[] json = render(FeedScope.SITE, sampleWindow()).get("feed.json");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode feed = mapper.readTree(json);
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("jsonfeed-1.1.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        assertEquals(List.of(), schema.validate(feed).stream().map(e -> e.getMessage()).toList());

        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertEquals("https://cdn.example.com/feeds/feed.json", feed.get("feed_url").asText());
        assertEquals("https://news.example.com/", feed.get("home_page_url").asText());
        assertEquals("en", feed.get("language").asText());
        JsonNode bravo = feed.get("items").get(0);
        assertEquals(item("bravo", 0).id(), bravo.get("id").asText());
        assertEquals("https://cdn.example.com/cards/bravo/og-abc.jpg", bravo.get("image").asText());
        assertEquals("2026-03-01T12:20:00Z", bravo.get("date_published").asText());
        assertEquals("2026-03-01T12:45:00Z", bravo.get("date_modified").asText());
        assertEquals("REUTERS/Ahmed Saad", bravo.get("_masthead").get("photo_credit").asText());
        assertEquals("World", bravo.get("_masthead").get("section").asText());
        assertEquals("2026-03-01T12:15:00Z", feed.get("items").get(1).get("date_published").asText(), "offset converted to UTC");

        // The schema is not a rubber stamp: a broken feed fails it.
        ((com.fasterxml.jackson.databind.node.ObjectNode) bravo).remove("content_html");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bravo).put("date_modified", "Sun, 01 Mar 2026");
        String errors = schema.validate(feed).toString();
        assertTrue(errors.contains("date_modified") && errors.contains("content_html"), errors);
    }

    @Test
    void newsSitemapListsTheLast48HoursWithGoogleNewsNamespaces() throws Exception {
        byte[] xml = render(FeedScope.SITE, sampleWindow()).get("news-sitemap.xml");
        Document d = dom(xml);
        assertEquals(NewsSitemap.SITEMAP, d.getDocumentElement().getNamespaceURI());
        assertEquals("urlset", d.getDocumentElement().getLocalName());
        List<String> locs = elements(d, NewsSitemap.SITEMAP, "loc").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("https://news.example.com/bravo", "https://news.example.com/charlie", "https://news.example.com/alpha"), locs,
                "delta is 72 hours older than the newest: left out");
        assertEquals(3, elements(d, NewsSitemap.NEWS, "news").size());
        assertEquals("The Daily Example", elements(d, NewsSitemap.NEWS, "name").get(0).getTextContent());
        assertEquals(List.of("en", "fr", "en"), elements(d, NewsSitemap.NEWS, "language").stream().map(Element::getTextContent).toList());
        assertEquals("2026-03-01T12:20:00Z", elements(d, NewsSitemap.NEWS, "publication_date").get(0).getTextContent());
        assertEquals("Offset", elements(d, NewsSitemap.NEWS, "title").get(1).getTextContent());
        assertEquals("zh-tw", NewsSitemap.language("zh-Hant"));
        assertEquals("zh-cn", NewsSitemap.language("zh"));
        assertEquals("ar", NewsSitemap.language("ar-EG"));
    }

    @Test
    void theSameWindowRendersTheSameBytes() {
        Map<String, byte[]> first = render(FeedScope.SITE, sampleWindow());
        Map<String, byte[]> again = render(FeedScope.SITE, FeedState.fromJson(
                FeedState.empty(5).withWindow(sampleWindow()).toJson(), 5).window());
        for (String file : first.keySet()) {
            assertEquals(new String(first.get(file), StandardCharsets.UTF_8), new String(again.get(file), StandardCharsets.UTF_8), file);
        }
    }

    @Test
    void sectionFeedsLiveUnderTheirSectionSlug() throws Exception {
        FeedScope world = FeedScope.ofSection("World");
        var docs = renderer.render(world, sampleWindow());
        assertEquals(List.of("feeds/sections/world/rss.xml", "feeds/sections/world/atom.xml",
                "feeds/sections/world/feed.json", "feeds/sections/world/news-sitemap.xml"),
                docs.stream().map(FeedDocument::key).toList());
        assertEquals(List.of("application/rss+xml", "application/atom+xml", "application/feed+json", "application/xml"),
                docs.stream().map(FeedDocument::contentType).toList());
        SyndFeed synd = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(docs.get(0).bytes())));
        assertEquals("The Daily Example: World", synd.getTitle());
        assertEquals("feeds/sections/science-tech/", FeedScope.ofSection("Science & Tech").prefix());
        assertTrue(FeedScope.sectionSlug("\u0627\u0644\u0639\u0627\u0644\u0645").matches("section-[0-9a-f]{10}"), "Arabic name: stable hash");
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        Map<String, byte[]> docs = render(FeedScope.SITE, FeedWindow.empty(5));
        Channel ch = (Channel) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(docs.get("rss.xml"))));
        assertTrue(ch.getItems().isEmpty());
        Feed feed = (Feed) new WireFeedInput().build(new InputSource(new ByteArrayInputStream(docs.get("atom.xml"))));
        assertEquals(FeedDates.EPOCH.toInstant(), feed.getUpdated().toInstant());
        assertEquals(0, new ObjectMapper().readTree(docs.get("feed.json")).get("items").size());
    }
}
