package io.masthead.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.feed.FeedRenderer;
import io.masthead.feed.FeedScope;
import io.masthead.feed.FeedState;
import io.masthead.site.Site;
import io.masthead.store.S3Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.masthead.publish.FeedTestItems.item;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed updater against a real S3-compatible endpoint over HTTP. */
class FeedUpdaterTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("feeds-test");

    static final Site SITE = new Site("The Daily Example", "https://news.example.com", FeedTestItems.PUBLIC, 5,
            null, null, null);
    static final List<String> FILES = List.of(FeedScope.RSS, FeedScope.ATOM, FeedScope.JSON_FEED, FeedScope.NEWS_SITEMAP);

    private S3Store store;
    private FeedUpdater updater;
    private int consumed;
    private int messageIds;

    @BeforeEach
    void clean() {
        S3.clear();
        consumed = 0;
        store = new S3Store(S3.client(), S3.bucket());
        updater = new FeedUpdater(store, SITE);
    }

    /** The events S3 reported for items/ since the last call, as the queue would deliver them. */
    private List<ItemEvent> pending() {
        List<ObjectChange> all = S3.changes();
        List<ItemEvent> out = new ArrayList<>();
        for (ObjectChange c : all.subList(consumed, all.size())) {
            ItemEvent.slugOf(c.key()).ifPresent(slug -> out.add(toEvent(c, slug)));
        }
        consumed = all.size();
        return out;
    }

    private ItemEvent toEvent(ObjectChange c, String slug) {
        return new ItemEvent("m" + (++messageIds), slug, c.removed(), c.sequencer(), c.eventTime().atOffset(ZoneOffset.UTC));
    }

    private void put(io.masthead.feed.FeedItem i) {
        FeedTestItems.put(S3.client(), S3.bucket(), i);
    }

    private List<String> rssLinks(String prefix) throws Exception {
        Document d = xml(prefix + FeedScope.RSS);
        NodeList items = d.getElementsByTagName("item");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            String link = ((org.w3c.dom.Element) items.item(i)).getElementsByTagName("link").item(0).getTextContent();
            out.add(link.substring(link.lastIndexOf('/') + 1));
        }
        return out;
    }

    private Document xml(String key) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(store.get(key).orElseThrow().bytes()));
    }

    private List<String> tombstoneRefs(String prefix) throws Exception {
        NodeList stones = xml(prefix + FeedScope.ATOM).getElementsByTagNameNS("http://purl.org/atompub/tombstones/1.0", "deleted-entry");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stones.getLength(); i++) out.add(((org.w3c.dom.Element) stones.item(i)).getAttribute("ref"));
        return out;
    }

    private HeadObjectResponse head(String key) {
        return S3.client().headObject(b -> b.bucket(S3.bucket()).key(key));
    }

    private Map<String, String> etags(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : FILES) {
            HeadObjectResponse h = head(prefix + f);
            out.put(f, h.eTag() + "@" + h.lastModified());
        }
        return out;
    }

    @Test
    void newItemsReachTheSiteAndTheirSectionFeedsWithTypesAndCaching() throws Exception {
        put(item("w1", "World", 1));
        put(item("w2", "World", 2));
        put(item("b1", "Business", 3));
        FeedBatchResult r = updater.apply(pending());
        assertEquals(Set.of(), r.failedMessages());
        assertEquals(3, r.items());

        assertEquals(List.of("b1", "w2", "w1"), rssLinks("feeds/"));
        assertEquals(List.of("w2", "w1"), rssLinks("feeds/sections/world/"));
        assertEquals(List.of("b1"), rssLinks("feeds/sections/business/"));

        Map<String, String> types = Map.of(FeedScope.RSS, "application/rss+xml", FeedScope.ATOM, "application/atom+xml",
                FeedScope.JSON_FEED, "application/feed+json", FeedScope.NEWS_SITEMAP, "application/xml");
        for (String prefix : List.of("feeds/", "feeds/sections/world/", "feeds/sections/business/")) {
            for (String f : FILES) {
                HeadObjectResponse h = head(prefix + f);
                assertEquals(types.get(f), h.contentType(), prefix + f);
                assertEquals("public, max-age=300", h.cacheControl(), prefix + f);
            }
        }
        JsonNode json = new ObjectMapper().readTree(store.get("feeds/sections/world/feed.json").orElseThrow().bytes());
        assertEquals("https://cdn.example.com/feeds/sections/world/feed.json", json.get("feed_url").asText());
        assertEquals("World", json.get("items").get(0).get("_masthead").get("section").asText());
        assertTrue(store.exists("feeds/state.json"));
        assertTrue(store.exists("feeds/sections/world/state.json"));
    }

    @Test
    void aDuplicateBatchWritesNothingAndFeedsKeepTheirEtagAndLastModified() throws Exception {
        put(item("a", "World", 1));
        List<ItemEvent> batch = pending();
        updater.apply(batch);
        Map<String, String> site = etags("feeds/");
        Map<String, String> world = etags("feeds/sections/world/");
        Thread.sleep(1100); // Last-Modified has one-second resolution

        FeedBatchResult again = updater.apply(batch);
        assertEquals(0, again.statesWritten());
        assertEquals(0, again.filesWritten());
        assertEquals(site, etags("feeds/"));
        assertEquals(world, etags("feeds/sections/world/"));
    }

    @Test
    void aBatchForOneSectionLeavesAnotherSectionsFilesUntouched() throws Exception {
        put(item("w", "World", 1));
        put(item("b", "Business", 2));
        updater.apply(pending());
        Map<String, String> world = etags("feeds/sections/world/");
        Map<String, String> site = etags("feeds/");
        Thread.sleep(1100);

        put(item("b2", "Business", 3));
        FeedBatchResult r = updater.apply(pending());
        assertEquals(List.of("feeds/state.json", "feeds/sections/business/state.json"), r.scopes());
        assertEquals(world, etags("feeds/sections/world/"), "World did not change");
        assertFalse(site.get(FeedScope.RSS).equals(etags("feeds/").get(FeedScope.RSS)), "the site feed did");
    }

    @Test
    void eventsInAnyOrderGiveTheNewestVersion() throws Exception {
        put(item("a", "World", 1, 1, "First"));
        List<ItemEvent> first = pending();
        put(item("a", "World", 1, 9, "Second"));
        List<ItemEvent> second = pending();

        updater.apply(second);
        updater.apply(first);
        updater.apply(second);
        byte[] rss = store.get("feeds/rss.xml").orElseThrow().bytes();
        assertTrue(new String(rss).contains("<title>Second</title>"));
        assertEquals(1, rssLinks("feeds/").size(), "updated in place, not duplicated");
        assertEquals(1, rssLinks("feeds/sections/world/").size());
    }

    @Test
    void aDeleteIsNotUndoneByALateCreateAndAtomCarriesTheTombstone() throws Exception {
        var a = item("a", "World", 1);
        put(a);
        put(item("b", "World", 2));
        List<ItemEvent> creates = pending();
        updater.apply(creates);
        FeedTestItems.delete(S3.client(), S3.bucket(), "a");
        updater.apply(pending());
        assertEquals(List.of("b"), rssLinks("feeds/"));
        assertEquals(List.of(a.id()), tombstoneRefs("feeds/"));
        assertEquals(List.of(a.id()), tombstoneRefs("feeds/sections/world/"));

        FeedBatchResult late = updater.apply(creates.subList(0, 1));
        assertEquals(0, late.statesWritten() + late.filesWritten(), "the late create reads the record: gone");
        assertEquals(List.of("b"), rssLinks("feeds/"));
        assertEquals(List.of(a.id()), tombstoneRefs("feeds/"));

        put(item("a", "World", 1, 30, "Back"));
        updater.apply(pending());
        assertEquals(List.of("b", "a"), rssLinks("feeds/"), "a republish brings it back");
        assertEquals(List.of(), tombstoneRefs("feeds/"));
    }

    @Test
    void anItemMovingSectionsLeavesItsOldSection() throws Exception {
        put(item("a", "World", 1));
        put(item("w", "World", 2));
        updater.apply(pending());
        put(item("a", "Sport", 1, 5, "Moved"));
        FeedBatchResult r = updater.apply(pending());
        assertEquals(Set.of(), r.failedMessages());
        assertEquals(List.of("w"), rssLinks("feeds/sections/world/"));
        assertEquals(List.of("a"), rssLinks("feeds/sections/sport/"));
        assertEquals(List.of("w", "a"), rssLinks("feeds/"));
        assertEquals(List.of(), tombstoneRefs("feeds/sections/world/"), "moved, not withdrawn");
    }

    @Test
    void aDeleteReachesASectionEvenWhenTheSiteWindowHasMovedOn() throws Exception {
        put(item("old-world", "World", 1));
        for (int i = 0; i < 30; i++) put(item("biz" + i, "Business", 100 + i));
        updater.apply(pending());
        assertFalse(rssLinks("feeds/").contains("old-world"));
        assertEquals(List.of("old-world"), rssLinks("feeds/sections/world/"));

        FeedTestItems.delete(S3.client(), S3.bucket(), "old-world");
        FeedBatchResult r = updater.apply(pending());
        assertTrue(r.scopes().contains("feeds/sections/world/state.json"), r.scopes().toString());
        assertEquals(List.of(), rssLinks("feeds/sections/world/"));
    }

    @Test
    void aFeedFileAnOlderWriterLeftBehindIsRepairedByTheNextBatch() throws Exception {
        put(item("a", "World", 1, 1, "Old title"));
        updater.apply(pending());
        byte[] older = store.get("feeds/rss.xml").orElseThrow().bytes();
        put(item("a", "World", 1, 5, "New title"));
        List<ItemEvent> update = pending();
        updater.apply(update);
        // As if a slower writer with the older state had overwritten the file.
        S3.client().putObject(b -> b.bucket(S3.bucket()).key("feeds/rss.xml").contentType("application/rss+xml"),
                RequestBody.fromBytes(older));

        FeedBatchResult again = updater.apply(update);
        assertEquals(0, again.statesWritten(), "nothing new to merge");
        assertEquals(1, again.filesWritten(), "only the stale file is rewritten");
        assertTrue(new String(store.get("feeds/rss.xml").orElseThrow().bytes()).contains("<title>New title</title>"));
    }

    @Test
    void aBadRecordFailsOnlyItsOwnMessages() throws Exception {
        put(item("good", "World", 1));
        S3.client().putObject(b -> b.bucket(S3.bucket()).key("items/bad.json"), RequestBody.fromString("{not json"));
        List<ItemEvent> batch = pending();
        FeedBatchResult r = updater.apply(batch);
        String badId = batch.stream().filter(e -> e.slug().equals("bad")).findFirst().orElseThrow().messageId();
        assertEquals(Set.of(badId), r.failedMessages());
        assertEquals(List.of("good"), rssLinks("feeds/"));
    }

    @Test
    void feedFilesAreTheRenderingOfTheStoredState() throws Exception {
        for (int i = 0; i < 8; i++) put(item("i" + i, i % 2 == 0 ? "World" : "Science", i));
        updater.apply(pending());
        FeedTestItems.delete(S3.client(), S3.bucket(), "i7");
        updater.apply(pending());
        for (String prefix : List.of("feeds/", "feeds/sections/world/", "feeds/sections/science/")) {
            FeedScope scope = prefix.equals("feeds/") ? FeedScope.SITE
                    : new FeedScope(prefix.split("/")[2], "");
            FeedState state = FeedState.fromJson(store.get(prefix + "state.json").orElseThrow().bytes(), 5);
            var docs = new FeedRenderer(SITE).render(
                    scope.isSite() ? scope : new FeedScope(scope.sectionSlug(), prefix.contains("world") ? "World" : "Science"),
                    state.window());
            for (var doc : docs) assertArrayEquals(doc.bytes(), store.get(doc.key()).orElseThrow().bytes(), doc.key());
        }
    }
}
