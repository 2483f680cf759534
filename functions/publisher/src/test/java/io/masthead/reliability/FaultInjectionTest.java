package io.masthead.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.event.FeedHandler;
import io.masthead.event.PublishHandler;
import io.masthead.feed.FeedItem;
import io.masthead.feed.ItemCodec;
import io.masthead.publish.Backoff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static io.masthead.reliability.CorpusCase.BUCKET;
import static io.masthead.reliability.FaultyProxy.Fault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3 misbehaving under the real handlers: a proxy in front of the endpoint injects 5xx, SlowDown,
 * throttling, dropped connections, hung requests and 412 storms. Transient faults are retried by
 * the SDK; an invocation that still fails throws (and is rerun, as Lambda reruns it); once the
 * faults stop, the bucket is byte for byte what a fault-free run produces, cards included.
 */
class FaultInjectionTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint(BUCKET);
    private static final long HANG_MILLIS = 2_500;
    private static final List<String> ARTICLES = List.of("articles/fault-world.json", "articles/fault-tech.json", "articles/fault-text.json");

    @TempDir
    static Path tmp;
    private static FaultyProxy proxy;
    private static Map<String, BucketState.Bytes> reference;
    private static final Map<String, String> report = new LinkedHashMap<>();

    @BeforeAll
    static void referenceRunWithoutFaults() throws IOException {
        proxy = new FaultyProxy(S3.uri(), HANG_MILLIS);
        reference = run(Plan.none(), 1);
        assertTrue(reference.keySet().stream().anyMatch(k -> k.startsWith("feeds/")), reference.keySet().toString());
        assertEquals(3, reference.keySet().stream().filter(k -> k.matches("items/fault-[a-z0-9-]+\\.json")).count());
    }

    @AfterAll
    static void stop() throws IOException {
        if (proxy != null) proxy.close();
        Path out = Path.of("target/reliability/fault-results.md");
        Files.createDirectories(out.getParent());
        List<String> rows = new ArrayList<>(List.of("| fault | result |", "|---|---|"));
        report.forEach((k, v) -> rows.add("| " + k + " | " + v + " |"));
        Files.write(out, rows);
    }

    /** Plans over request numbers: deterministic, so a failure reproduces. */
    record Plan(String name, FaultyProxy.Plan plan) {
        static Plan none() {
            return new Plan("none", FaultyProxy.Plan.NONE);
        }
    }

    @Test
    void transientFaultsOnEveryKindOfRequestAreRetriedAndConverge() throws IOException {
        for (Fault fault : FaultyProxy.transientFaults()) {
            // every third request fails once: each call sees at most one fault in a row, which retries absorb
            AtomicInteger n = new AtomicInteger();
            Plan plan = new Plan(describe(fault) + " on every 3rd request", new FaultyProxy.Plan() {
                @Override
                public Fault decide(FaultyProxy.Request r) {
                    return r.number() % 3 == 0 && n.incrementAndGet() <= (fault.kind() == Fault.Kind.HANG ? 4 : 1_000) ? fault : Fault.NONE;
                }
            });
            assertConverges(plan, 1);
        }
    }

    @Test
    void aSlowDownStormFailsInvocationsWholeAndTheRerunsConverge() throws IOException {
        // 25 requests in a row answer 503 SlowDown: more than the SDK's attempts, so invocations fail and are rerun.
        Plan plan = new Plan("503 SlowDown storm, 25 requests in a row", r -> r.number() > 10 && r.number() <= 35 ? Fault.SLOW_DOWN : Fault.NONE);
        assertConverges(plan, 4);
    }

    @Test
    void randomMixOfFaultsConverges() throws IOException {
        Random random = new Random(42);
        List<Fault> faults = new ArrayList<>(FaultyProxy.transientFaults());
        faults.remove(Fault.HANG); // kept to the dedicated case: each one costs seconds
        Plan plan = new Plan("random mix, 15% of requests", r -> random.nextInt(100) < 15 ? faults.get(random.nextInt(faults.size())) : Fault.NONE);
        assertConverges(plan, 6);
    }

    @Test
    void a412StormOnTheFeedsIsRetriedAndConverges() throws IOException {
        Plan plan = new Plan("412 storm: every conditional feed write refused during the first delivery",
                r -> r.conditional() && r.key().startsWith("feeds/") ? Fault.PRECONDITION_FAILED : Fault.NONE);
        assertConverges(plan, 4);
    }

    @Test
    void aCrashAtAnyRequestOfARepublishLeavesNothingDanglingAndTheRerunRepairsIt() throws IOException {
        // Everything published, then one article gets a new headline (so new cards) and its republish
        // crashes at request k: from k on every request is refused, as if the container died there.
        // The text article: its cards cost less to render than a photo's, and the write order is the same.
        String key = "articles/fault-text.json";
        byte[] changed = article("A second letter from the editor", "", null, "2024-03-02T10:00:00Z");
        Map<String, BucketState.Bytes> published = run(Plan.none(), 1);
        restore(published);
        upload(key, changed);
        Pipeline clean = new Pipeline(S3, tmp, new PublishHandler(env(S3.uri())), new FeedHandler(env(S3.uri())));
        clean.articles(List.of(key));
        assertTrue(clean.settle(2));
        Map<String, BucketState.Bytes> expected = BucketState.contents(S3.client(), BUCKET);

        int requests = 0;
        for (int k = 1; ; k++) {
            restore(published);
            upload(key, changed);
            Pipeline rerun = new Pipeline(S3, tmp, new PublishHandler(env(S3.uri())), new FeedHandler(env(S3.uri())));
            int crashAt = k;
            proxy.plan(r -> r.number() >= crashAt ? Fault.ACCESS_DENIED : Fault.NONE);
            boolean crashed;
            try {
                new PublishHandler(env(proxy.uri())).handleRequest(S3EventJson.put(tmp, BUCKET, key, "0B01", CorpusCase.TIME), new LogLines());
                crashed = false;
            } catch (RuntimeException e) {
                crashed = true;
            }
            proxy.plan(FaultyProxy.Plan.NONE);
            assertEveryItemPointsAtExistingOutputs("crash at request " + k);
            if (!crashed) {
                requests = k - 1;
                break;
            }
            rerun.articles(List.of(key)); // Lambda's retry of the crashed invocation
            assertTrue(rerun.settle(3));
            assertEquals(expected, BucketState.contents(S3.client(), BUCKET), "after a crash at request " + k + " and a rerun");
        }
        assertTrue(requests > 10, "a republish makes " + requests + " requests");
        report.put("crash (every request refused from then on) at each of the " + requests + " requests of a republish with new cards",
                "no item record ever pointed at a missing card or share page; every rerun converged byte for byte");
    }

    /** The bucket exactly as {@code state}: same keys, same bytes (so the same ETags). */
    private static void restore(Map<String, BucketState.Bytes> state) {
        S3.clear();
        state.forEach((k, v) -> upload(k, v.value()));
    }

    private static void assertConverges(Plan plan, int rounds) throws IOException {
        Map<String, BucketState.Bytes> actual = run(plan, rounds);
        assertEquals(reference.keySet(), actual.keySet(), plan.name());
        for (String key : reference.keySet()) {
            assertEquals(reference.get(key), actual.get(key), plan.name() + ": " + key);
        }
        assertEveryItemPointsAtExistingOutputs(plan.name());
    }

    private static Map<String, BucketState.Bytes> run(Plan plan, int rounds) throws IOException {
        return run(plan, rounds, Map.of());
    }

    /** A clean bucket, the inputs, the flow under {@code plan}, then without faults until settled. */
    private static Map<String, BucketState.Bytes> run(Plan plan, int rounds, Map<String, byte[]> replace) throws IOException {
        S3.clear();
        inputs().forEach(FaultInjectionTest::upload);
        replace.forEach(FaultInjectionTest::upload);
        Map<String, String> env = env(proxy.uri());
        env.put("S3_ATTEMPT_TIMEOUT_MS", "1000");
        Pipeline pipeline = new Pipeline(S3, tmp, new PublishHandler(env), new FeedHandler(env, new Backoff(6, 10, 200)));
        pipeline.articles(ARTICLES);
        proxy.plan(plan.plan());
        pipeline.deliver();
        proxy.plan(FaultyProxy.Plan.NONE);
        assertTrue(pipeline.settle(rounds), plan.name() + ": settles once the faults stop");
        if (!plan.name().equals("none")) {
            report.put(plan.name(), "injected " + proxy.injected() + "; publish invocations failed and rerun: " + pipeline.publishFailures
                    + ", feed messages redelivered: " + pipeline.feedFailures + "; converged byte for byte");
        }
        return BucketState.contents(S3.client(), BUCKET);
    }

    private static void assertEveryItemPointsAtExistingOutputs(String when) throws IOException {
        var keys = BucketState.etags(S3.client(), BUCKET, k -> true).keySet();
        for (String key : keys) {
            if (!key.matches("items/[^/]+\\.json")) continue;
            FeedItem item = ItemCodec.read(S3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
            if (item.image() != null) {
                String card = item.image().url().replace("https://cdn.example.com/", "");
                assertTrue(keys.contains(card), when + ": " + key + " points at missing " + card);
            }
            assertTrue(keys.contains("share/" + item.slug() + ".html"), when + ": " + key + " without its share page");
        }
    }

    private static Map<String, byte[]> inputs() {
        Map<String, byte[]> in = new LinkedHashMap<>();
        in.put("photos/fault-1.jpg", PhotoFiles.jpeg(1600, 1000, 21));
        in.put("photos/fault-2.jpg", PhotoFiles.jpeg(1200, 1200, 22));
        in.put("articles/fault-world.json", article("World leaders meet in Geneva", "World", "photos/fault-1.jpg", "2024-03-01T08:00:00Z"));
        in.put("articles/fault-tech.json", article("A new chip ships", "Tech", "photos/fault-2.jpg", "2024-03-01T08:30:00Z"));
        in.put("articles/fault-text.json", article("A letter from the editor", "", null, "2024-03-01T07:00:00Z"));
        return in;
    }

    private static byte[] article(String headline, String section, String photo, String updated) {
        ObjectMapper json = new ObjectMapper();
        var a = json.createObjectNode().put("headline", headline).put("published", "2024-03-01T06:00:00Z").put("updated", updated)
                .put("bodyHtml", "<p>" + headline + ". More to follow.</p>");
        if (!section.isEmpty()) a.put("section", section);
        if (photo != null) a.putObject("photo").put("key", photo).put("credit", "Agency");
        return a.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> env(java.net.URI endpoint) {
        Map<String, String> env = new HashMap<>(S3.endpoint().clientEnvironment());
        env.put("AWS_ENDPOINT_URL_S3", endpoint.toString());
        env.put("BUCKET_NAME", BUCKET);
        env.put("SITE_NAME", "Masthead News");
        env.put("SITE_URL", "https://news.example.com");
        env.put("PUBLIC_BASE_URL", "https://cdn.example.com");
        return env;
    }

    private static void upload(String key, byte[] bytes) {
        S3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    private static String describe(Fault f) {
        return switch (f.kind()) {
            case STATUS -> f.status() + " " + f.code();
            case DROP_BEFORE -> "connection dropped before the server saw the request";
            case DROP_AFTER -> "connection dropped after the server applied the request";
            case HANG -> "request hangs past the client timeout";
            default -> "none";
        };
    }
}
