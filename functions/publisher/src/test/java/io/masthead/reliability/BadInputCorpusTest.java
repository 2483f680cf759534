package io.masthead.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.event.PublishHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.masthead.reliability.CorpusCase.BUCKET;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of the bad-input corpus through one real PublishHandler instance, with real S3
 * event JSON, against the embedded endpoint. For each: the expected error record naming article,
 * field and problem, exactly one ERROR log line, no other object changed (listing and ETags
 * compared), earlier outputs intact, and the same instance then publishes a good article.
 */
class BadInputCorpusTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint(BUCKET);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASELINE = "corpus-baseline";

    @TempDir
    static Path tmp;
    private static PublishHandler handler;
    private static final LogLines log = new LogLines();
    private static Map<String, String> baseline;
    private static final AtomicInteger next = new AtomicInteger();
    private static final Map<String, String> results = new TreeMap<>();

    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(S3.endpoint().clientEnvironment());
        env.put("BUCKET_NAME", BUCKET);
        env.put("SITE_NAME", "Masthead News");
        env.put("SITE_URL", "https://news.example.com");
        env.put("PUBLIC_BASE_URL", "https://cdn.example.com");
        return env;
    }

    @BeforeAll
    static void publishABaselineArticle() {
        handler = new PublishHandler(environment());
        upload(BadInputCorpus.GOOD_PHOTO, PhotoFiles.jpeg(1600, 1000, 1));
        upload("articles/" + BASELINE + ".json", ("{\"headline\": \"The baseline story\", \"section\": \"World\","
                + " \"photo\": {\"key\": \"" + BadInputCorpus.GOOD_PHOTO + "\", \"credit\": \"Agency\"}}").getBytes(StandardCharsets.UTF_8));
        handler.handleRequest(S3EventJson.put(tmp, BUCKET, "articles/" + BASELINE + ".json", "0001", CorpusCase.TIME), log);
        baseline = BucketState.etags(S3.client(), BUCKET, k -> k.contains(BASELINE));
        assertTrue(baseline.containsKey("items/" + BASELINE + ".json"), baseline.toString());
        assertTrue(baseline.keySet().stream().anyMatch(k -> k.startsWith("cards/" + BASELINE + "/og-")), baseline.toString());
    }

    @Test
    void theCorpusHasAtLeastThirtyCasesWithDistinctArticles() {
        List<CorpusCase> cases = BadInputCorpus.cases();
        assertTrue(cases.size() >= 30, "cases: " + cases.size());
        assertEquals(cases.size(), cases.stream().map(CorpusCase::key).distinct().count(), "one key per case");
    }

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return BadInputCorpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(CorpusCase c) throws IOException {
        c.uploads().forEach(BadInputCorpusTest::upload);
        Map<String, String> before = BucketState.outputs(S3.client(), BUCKET);
        int mark = log.size();

        assertDoesNotThrow(() -> handler.handleRequest(c.event().apply(tmp, c.key()), log), "bad input must not make the invocation fail");

        List<JsonNode> lines = log.since(mark);
        Map<String, String> after = BucketState.outputs(S3.client(), BUCKET);
        CorpusCase.Expect expect = c.expect();
        if (expect instanceof CorpusCase.Rejected r) {
                String errorKey = "errors/" + r.slug() + ".json";
                assertTrue(after.containsKey(errorKey), "no " + errorKey + "; outputs now " + after.keySet() + "; log " + lines);
                JsonNode error = JSON.readTree(read(errorKey));
                assertEquals(c.key(), error.path("article").asText(), "error names the article key");
                assertEquals(r.field(), error.path("field").asText(), "field; error " + error);
                assertTrue(Pattern.compile(r.problem()).matcher(error.path("problem").asText()).find(),
                        "problem should match /" + r.problem() + "/: " + error);
                List<JsonNode> errors = lines.stream().filter(l -> "ERROR".equals(l.path("level").asText())).toList();
                assertEquals(1, errors.size(), "one ERROR line: " + lines);
                JsonNode line = errors.get(0);
                assertEquals(c.key(), line.path("article").asText());
                assertEquals(r.field(), line.path("field").asText(), line.toString());
                assertEquals(error.path("problem").asText(), line.path("problem").asText());
                Map<String, String> rest = new TreeMap<>(after);
                rest.remove(errorKey);
                Map<String, String> was = new TreeMap<>(before);
                was.remove(errorKey);
                assertEquals(was, rest, "a rejected article changes nothing but its error record");
                results.put(c.name(), "rejected: `" + r.field() + "`: " + error.path("problem").asText());
        } else if (expect instanceof CorpusCase.Ignored i) {
                assertEquals(before, after, "an ignored event writes nothing");
                assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().contains(i.why())), lines.toString());
                assertTrue(lines.stream().noneMatch(l -> "ERROR".equals(l.path("level").asText())), lines.toString());
                results.put(c.name(), "ignored: " + lines.get(0).path("message").asText());
        } else if (expect instanceof CorpusCase.Skipped) {
                assertEquals(before, after, "an event for a missing object writes nothing");
                assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().equals("skipped")), lines.toString());
                results.put(c.name(), "skipped: " + lines.get(0).path("detail").asText());
        } else if (expect instanceof CorpusCase.Published p) {
                assertTrue(after.containsKey("items/" + p.slug() + ".json"), "published under " + p.slug() + ": " + lines);
                assertFalse(after.containsKey("errors/" + p.slug() + ".json"));
                assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("cards/" + p.slug() + "/og-")));
                for (var e : before.entrySet()) {
                    assertEquals(e.getValue(), after.get(e.getKey()), "earlier output changed: " + e.getKey());
                }
                for (String k : after.keySet()) {
                    if (before.containsKey(k)) continue;
                    assertTrue(k.startsWith("cards/" + p.slug() + "/") || k.startsWith("share/" + p.slug() + ".")
                            || k.equals("items/" + p.slug() + ".json") || k.startsWith("items/sources/"), "unexpected new key " + k);
                }
                results.put(c.name(), "published as `" + p.slug() + "`");
        }
        assertEquals(baseline, BucketState.etags(S3.client(), BUCKET, k -> k.contains(BASELINE)), "the baseline article's outputs are intact");
        theSameInstanceServesTheNextGoodEvent();
    }

    private static void theSameInstanceServesTheNextGoodEvent() {
        String slug = "corpus-next-" + next.incrementAndGet();
        upload("articles/" + slug + ".json", ("{\"headline\": \"Next good story " + slug + "\"}").getBytes(StandardCharsets.UTF_8));
        handler.handleRequest(S3EventJson.put(tmp, BUCKET, "articles/" + slug + ".json", "0200", CorpusCase.TIME), log);
        assertTrue(BucketState.outputs(S3.client(), BUCKET).containsKey("items/" + slug + ".json"), "the handler still publishes");
    }

    @Test
    void aPoisonMessageInAFeedBatchFailsAloneWhileTheOthersReachTheFeeds() {
        for (String slug : List.of("poison-a", "poison-b")) {
            upload("articles/" + slug + ".json", ("{\"headline\": \"Batch story " + slug + "\", \"section\": \"World\"}").getBytes(StandardCharsets.UTF_8));
            handler.handleRequest(S3EventJson.put(tmp, BUCKET, "articles/" + slug + ".json", "0300", CorpusCase.TIME), log);
        }
        io.masthead.event.FeedHandler feeds = new io.masthead.event.FeedHandler(environment());
        List<String> ids = List.of("good-a", "poison", "good-b", "no-records");
        List<String> bodies = List.of(
                S3EventJson.itemNotification(BUCKET, "ObjectCreated:Put", "items/poison-a.json", "0A01", CorpusCase.TIME),
                "this is not an S3 notification {",
                S3EventJson.itemNotification(BUCKET, "ObjectCreated:Put", "items/poison-b.json", "0A02", CorpusCase.TIME),
                "{\"Records\": \"not an array\"}");
        int mark = log.size();
        var response = feeds.handleRequest(S3EventJson.sqs(tmp, ids, bodies), log);
        List<String> failed = response.getBatchItemFailures().stream()
                .map(com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        assertEquals(List.of("poison", "no-records"), failed, "only the poison messages go back to the queue");
        String feed = new String(read("feeds/feed.json"), StandardCharsets.UTF_8);
        assertTrue(feed.contains("https://news.example.com/poison-a") && feed.contains("https://news.example.com/poison-b"), feed);
        List<JsonNode> lines = log.since(mark);
        assertTrue(lines.stream().anyMatch(l -> "ERROR".equals(l.path("level").asText()) && l.path("message").asText().contains("poison")), lines.toString());
        // the same instance takes the redelivered good message again without harm (idempotent merge)
        var again = feeds.handleRequest(S3EventJson.sqs(tmp, List.of("good-a"), List.of(bodies.get(0))), log);
        assertTrue(again.getBatchItemFailures().isEmpty());
        assertEquals(feed, new String(read("feeds/feed.json"), StandardCharsets.UTF_8), "a repeated message changes nothing");
        results.put("SQS batch with a poison message", "partial batch response: only the 2 poison message ids failed; the 2 good items reached feeds/feed.json");
    }

    @AfterAll
    static void writeTheResultTable() throws IOException {
        // The table docs/reliability.md quotes: what each case produced on the last run.
        Path out = Path.of("target/reliability/corpus-results.md");
        Files.createDirectories(out.getParent());
        List<String> rows = new ArrayList<>(List.of("| case | result |", "|---|---|"));
        for (CorpusCase c : BadInputCorpus.cases()) {
            rows.add("| " + c.name() + " | " + results.getOrDefault(c.name(), "FAILED").replace("|", "\\|") + " |");
        }
        rows.add("| SQS batch with a poison message | " + results.getOrDefault("SQS batch with a poison message", "FAILED") + " |");
        Files.write(out, rows);
    }

    static void upload(String key, byte[] bytes) {
        S3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    static byte[] read(String key) {
        return S3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }
}
