package io.masthead.publish;

import io.masthead.article.ArticleParser;
import io.masthead.card.CardRenderer;
import io.masthead.card.Preset;
import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.feed.FeedItemMapper;
import io.masthead.page.SharePageRenderer;
import io.masthead.site.Site;
import io.masthead.store.S3Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publish function and the feed function together: an article published, updated, then
 * withdrawn, with the item records the publisher really writes and the events S3 really sends.
 */
class FeedWithdrawalTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("withdrawal-test");

    static final Site SITE = new Site("The Daily Example", "https://news.example.com", FeedTestItems.PUBLIC, 10,
            null, null, null);

    private int consumed;
    private int ids;

    private void upload(String json) {
        S3.client().putObject(b -> b.bucket(S3.bucket()).key("articles/letter.json").contentType("application/json"),
                RequestBody.fromString(json, StandardCharsets.UTF_8));
    }

    /** Runs the publish function on new article uploads and the feed function on new item events. */
    private FeedBatchResult settle(Publisher publisher, FeedUpdater feeds) {
        List<ObjectChange> all = S3.changes();
        List<ObjectChange> fresh = new ArrayList<>(all.subList(consumed, all.size()));
        for (ObjectChange c : fresh) {
            if (c.key().startsWith("articles/") && c.created()) {
                publisher.publish(c.key(), OffsetDateTime.ofInstant(c.eventTime(), ZoneOffset.UTC), c.sequencer());
            }
        }
        all = S3.changes();
        List<ItemEvent> events = new ArrayList<>();
        for (ObjectChange c : all.subList(consumed, all.size())) {
            ItemEvent.slugOf(c.key()).ifPresent(slug -> events.add(new ItemEvent("m" + (++ids), slug, c.removed(),
                    c.sequencer(), c.eventTime().atOffset(ZoneOffset.UTC))));
        }
        consumed = all.size();
        return feeds.apply(events);
    }

    private String file(S3Store store, String key) {
        return new String(store.get(key).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aWithdrawnArticleLeavesEveryFeedAndAtomKeepsItsTombstone() {
        S3Store store = new S3Store(S3.client(), S3.bucket());
        Publisher publisher = new Publisher(store, new ArticleParser(SITE), new CardRenderer(SITE, Preset.DEFAULTS),
                new SharePageRenderer(SITE), new FeedItemMapper(SITE), new EventLog(line -> { }));
        FeedUpdater feeds = new FeedUpdater(store, SITE);
        String id = new FeedItemMapper(SITE).idOf("letter");
        String article = """
                {"headline": "%s", "section": "Opinion", "published": "2026-03-01T12:00:00Z",
                 "authors": ["Maria Lindqvist"], "bodyHtml": "<p>Readers deserve to see <a href=\\"/corrections\\">corrections</a>.</p>"%s}
                """;

        upload(article.formatted("A letter from the editor", ""));
        assertEquals(Map.of(), Map.copyOf(toMap(settle(publisher, feeds))));
        String rss = file(store, "feeds/rss.xml");
        assertTrue(rss.contains("<guid isPermaLink=\"false\">" + id + "</guid>"), rss);
        assertTrue(rss.contains("https://news.example.com/corrections"), "body links absolute");
        assertTrue(rss.contains("<dc:creator>Maria Lindqvist</dc:creator>"));
        assertTrue(rss.contains("<media:content url=\"" + FeedTestItems.PUBLIC + "/cards/letter/og-"), rss);
        assertTrue(file(store, "feeds/sections/opinion/atom.xml").contains("<id>" + id + "</id>"));

        upload(article.formatted("A corrected letter", ", \"updated\": \"2026-03-01T13:00:00Z\""));
        settle(publisher, feeds);
        rss = file(store, "feeds/rss.xml");
        assertTrue(rss.contains("A corrected letter") && !rss.contains("<title>A letter from the editor</title>"), rss);
        assertEquals(1, rss.split("<item>", -1).length - 1, "updated in place");

        upload(article.formatted("A corrected letter", ", \"updated\": \"2026-03-01T14:00:00Z\", \"status\": \"withdrawn\""));
        FeedBatchResult withdrawn = settle(publisher, feeds);
        assertEquals(Map.of(), toMap(withdrawn));
        assertFalse(store.exists("items/letter.json"), "the publisher removed the item record");
        for (String prefix : List.of("feeds/", "feeds/sections/opinion/")) {
            assertFalse(file(store, prefix + "rss.xml").contains(id), prefix);
            assertFalse(file(store, prefix + "feed.json").contains(id), prefix);
            assertFalse(file(store, prefix + "news-sitemap.xml").contains("letter"), prefix);
            String atom = file(store, prefix + "atom.xml");
            assertTrue(atom.contains("<at:deleted-entry ref=\"" + id + "\""), atom);
        }
    }

    private static Map<String, String> toMap(FeedBatchResult r) {
        Map<String, String> m = new java.util.HashMap<>();
        r.failedMessages().forEach(id -> m.put(id, "failed"));
        return m;
    }
}
