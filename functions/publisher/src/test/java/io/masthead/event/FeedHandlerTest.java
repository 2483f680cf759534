package io.masthead.event;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.feed.FeedItem;
import io.masthead.feed.FeedRenderer;
import io.masthead.feed.FeedScope;
import io.masthead.feed.FeedState;
import io.masthead.feed.SectionIndex;
import io.masthead.publish.Backoff;
import io.masthead.publish.FeedTestItems;
import io.masthead.site.Site;
import io.masthead.store.S3Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.masthead.publish.FeedTestItems.item;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed function as Lambda calls it: SQS batches of S3 notifications, over a real endpoint. */
class FeedHandlerTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("masthead");

    @BeforeAll
    static void credentials() {
        // The handler builds its client with the default credential chain; any key works locally.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @BeforeEach
    void clean() {
        S3.clear();
    }

    private static Map<String, String> env(int window) {
        Map<String, String> env = new HashMap<>(S3.env());
        env.put("SITE_NAME", "The Daily Example");
        env.put("SITE_URL", "https://news.example.com");
        env.put("PUBLIC_BASE_URL", FeedTestItems.PUBLIC);
        env.put("FEED_WINDOW", Integer.toString(window));
        return env;
    }

    private static S3Store store() {
        return new S3Store(S3.client(), S3.bucket());
    }

    private static List<String> ids(SQSBatchResponse r) {
        return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static List<String> windowSlugs(String stateKey, int window) {
        FeedState state = FeedState.fromJson(store().get(stateKey).orElseThrow().bytes(), window);
        return state.window().items().stream().map(FeedItem::slug).toList();
    }

    @Test
    void theSampleQueueEventPublishesTheItem() throws Exception {
        FeedTestItems.put(S3.client(), S3.bucket(), item("iraq-coalition-mission", "World", 1));
        SQSEvent event = EventLoader.loadSQSEvent(Path.of("../../events/sqs-item-changed.json").toString());
        SQSBatchResponse r = new FeedHandler(env(50)).handleRequest(event, null);
        assertEquals(List.of(), ids(r));
        assertEquals(List.of("iraq-coalition-mission"), windowSlugs("feeds/state.json", 50));
        assertTrue(store().exists("feeds/sections/world/rss.xml"));
    }

    @Test
    void keysAreUrlDecodedTestEventsAndOtherKeysIgnoredAndUnreadableMessagesFail() {
        FeedTestItems.put(S3.client(), S3.bucket(), item("caf\u00e9 au lait", "World", 1));
        SQSEvent.SQSMessage encoded = FeedTestItems.message("m1", "masthead", "items/caf\u00e9 au lait.json",
                "ObjectCreated:Put", "0A", "2026-03-01T12:00:00.000Z");
        assertTrue(encoded.getBody().contains("items%2Fcaf%C3%A9+au+lait.json"), encoded.getBody());
        SQSEvent.SQSMessage test = new SQSEvent.SQSMessage();
        test.setMessageId("m2");
        test.setBody("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-03-01T12:00:00.000Z\",\"Bucket\":\"masthead\"}");
        SQSEvent.SQSMessage other = FeedTestItems.message("m3", "masthead", "articles/x.json", "ObjectCreated:Put", "0B",
                "2026-03-01T12:00:00.000Z");
        SQSEvent.SQSMessage garbage = new SQSEvent.SQSMessage();
        garbage.setMessageId("m4");
        garbage.setBody("this is not JSON");

        SQSBatchResponse r = new FeedHandler(env(50)).handleRequest(FeedTestItems.event(List.of(encoded, test, other, garbage)), null);
        assertEquals(List.of("m4"), ids(r));
        assertEquals(List.of("caf\u00e9 au lait"), windowSlugs("feeds/state.json", 50));
    }

    @Test
    void anUnreachableBucketFailsEveryMessageInsteadOfDroppingIt() {
        Map<String, String> env = env(50);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"); // discard port: nothing listens
        SQSEvent event = FeedTestItems.event(List.of(
                FeedTestItems.message("m1", "masthead", "items/a.json", "ObjectCreated:Put", "01", "2026-03-01T12:00:00Z"),
                FeedTestItems.message("m2", "masthead", "items/b.json", "ObjectRemoved:Delete", "02", "2026-03-01T12:00:00Z")));
        SQSBatchResponse r = new FeedHandler(env).handleRequest(event, null);
        assertEquals(Set.of("m1", "m2"), Set.copyOf(ids(r)));
    }

    /**
     * 300 uploads, 16 at a time; S3's notifications go through a queue that hands out batches of
     * up to 10 to 4 concurrent invocations, which really race on the same state documents. Failed
     * messages come back, as SQS redelivers them, and go to a dead-letter list after 5 receives.
     */
    @Test
    void aBurstOf300UploadsReachesEveryFeedWithFewWrites() throws Exception {
        int window = 50;
        int articles = 300;
        List<String> sections = List.of("World", "Business", "Science", "Sport");
        LinkedBlockingQueue<SQSEvent.SQSMessage> queue = new LinkedBlockingQueue<>();
        Map<String, Integer> receives = new ConcurrentHashMap<>();
        List<String> deadLetters = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ids = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        S3.endpoint().addListener(change -> {
            if (change.key().startsWith("items/")) queue.add(FeedTestItems.message("msg-" + ids.incrementAndGet(), change));
        });
        FeedHandler handler = new FeedHandler(env(window));

        ExecutorService uploaders = Executors.newFixedThreadPool(16);
        List<Future<?>> uploads = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            FeedItem it = item(String.format("story-%03d", i), sections.get(i % sections.size()), i);
            uploads.add(uploaders.submit(() -> FeedTestItems.put(S3.client(), S3.bucket(), it)));
        }
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(consumers.submit(() -> {
                long idleSince = System.nanoTime();
                while (true) {
                    SQSEvent.SQSMessage first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        boolean uploadsDone = uploads.stream().allMatch(Future::isDone);
                        if (uploadsDone && inFlight.get() == 0 && queue.isEmpty()
                                && System.nanoTime() - idleSince > TimeUnit.MILLISECONDS.toNanos(500)) return null;
                        continue;
                    }
                    inFlight.incrementAndGet();
                    List<SQSEvent.SQSMessage> batch = new ArrayList<>(List.of(first));
                    queue.drainTo(batch, 9);
                    batches.incrementAndGet();
                    SQSBatchResponse r = handler.handleRequest(FeedTestItems.event(batch), null);
                    Set<String> failed = Set.copyOf(ids(r));
                    for (SQSEvent.SQSMessage m : batch) {
                        if (!failed.contains(m.getMessageId())) continue;
                        if (receives.merge(m.getMessageId(), 1, Integer::sum) >= 5) deadLetters.add(m.getMessageId());
                        else queue.add(m);
                    }
                    inFlight.decrementAndGet();
                    idleSince = System.nanoTime();
                }
            }));
        }
        for (Future<?> f : uploads) f.get(2, TimeUnit.MINUTES);
        uploaders.shutdown();
        for (Future<?> f : workers) f.get(5, TimeUnit.MINUTES);
        consumers.shutdown();

        assertEquals(List.of(), deadLetters);
        assertEquals(articles, store().list("items/").size(), "every item record exists");

        List<String> all = new ArrayList<>();
        for (int i = articles - 1; i >= 0; i--) all.add(String.format("story-%03d", i));
        assertEquals(all.subList(0, window), windowSlugs("feeds/state.json", window), "the newest 50 by published");
        Map<String, SectionIndex> index = FeedState.fromJson(store().get("feeds/state.json").orElseThrow().bytes(), window).sections();
        assertEquals(Set.of("world", "business", "science", "sport"), index.keySet());
        for (int s = 0; s < sections.size(); s++) {
            int section = s;
            List<String> expected = new ArrayList<>();
            for (int i = articles - 1; i >= 0; i--) if (i % sections.size() == section) expected.add(String.format("story-%03d", i));
            String slug = FeedScope.sectionSlug(sections.get(s));
            assertEquals(expected.subList(0, window), windowSlugs("feeds/sections/" + slug + "/state.json", window), slug);
        }

        // Every feed file is the rendering of the final state: no older render won a race.
        Site site = Site.fromEnv(env(window));
        for (String slug : List.of("", "world", "business", "science", "sport")) {
            FeedScope scope = slug.isEmpty() ? FeedScope.SITE : new FeedScope(slug, index.get(slug).name());
            FeedState state = FeedState.fromJson(store().get(scope.stateKey()).orElseThrow().bytes(), window);
            for (var doc : new FeedRenderer(site).render(scope, state.window())) {
                assertArrayEquals(doc.bytes(), store().get(doc.key()).orElseThrow().bytes(), doc.key());
            }
        }

        List<ObjectChange> changes = S3.changes();
        Map<String, Long> writes = changes.stream().filter(c -> c.key().startsWith("feeds/") && c.created())
                .collect(Collectors.groupingBy(ObjectChange::key, Collectors.counting()));
        long rssWrites = writes.get("feeds/rss.xml");
        System.out.printf("burst: %d uploads, %d batches, feeds/rss.xml written %d times, feeds/state.json %d times, %d redelivered%n",
                articles, batches.get(), rssWrites, writes.get("feeds/state.json"), receives.size());
        assertTrue(rssWrites <= batches.get(), "writes per feed file track batches (" + batches.get() + "), not articles: " + rssWrites);
        assertTrue(writes.get("feeds/state.json") <= batches.get());
        writes.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> assertTrue(e.getValue() <= batches.get(), e.getKey() + " written " + e.getValue() + " times"));
    }

    @Test
    void underContentionASuccessMeansAppliedAndFailuresLandOnRedelivery() throws Exception {
        int n = 24;
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FeedTestItems.put(S3.client(), S3.bucket(), item("c" + i, "World", i));
        }
        for (ObjectChange c : S3.changes()) {
            if (c.key().startsWith("items/")) messages.add(FeedTestItems.message("id-" + c.key(), c));
        }
        FeedHandler impatient = new FeedHandler(env(50), new Backoff(1, 1, 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SQSBatchResponse>> results = new ArrayList<>();
        for (SQSEvent.SQSMessage m : messages) results.add(pool.submit(() -> impatient.handleRequest(FeedTestItems.event(List.of(m)), null)));
        List<SQSEvent.SQSMessage> failed = new ArrayList<>();
        List<String> succeeded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!results.get(i).get().getBatchItemFailures().isEmpty()) failed.add(messages.get(i));
            else succeeded.add(messages.get(i).getMessageId().replace("id-items/", "").replace(".json", ""));
        }
        pool.shutdown();
        System.out.println("contention: " + failed.size() + " of " + n + " single-message batches failed with one attempt");
        List<String> applied = windowSlugs("feeds/state.json", 50);
        assertTrue(applied.containsAll(succeeded), "a message reported done is in the feed: " + succeeded + " vs " + applied);

        FeedHandler patient = new FeedHandler(env(50));
        SQSBatchResponse retry = patient.handleRequest(FeedTestItems.event(failed), null);
        assertEquals(List.of(), ids(retry));
        assertEquals(n, windowSlugs("feeds/state.json", 50).size(), "nothing lost once failures are redelivered");
        assertEquals(n, windowSlugs("feeds/sections/world/state.json", 50).size());
    }
}
