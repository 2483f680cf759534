package io.masthead.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.event.FeedHandler;
import io.masthead.event.PublishHandler;
import io.masthead.event.UnpublishHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.masthead.reliability.CorpusCase.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege and no recursion, read from template.yaml and checked against what the
 * handlers really do: every write a handler makes falls under a prefix its policy grants, and
 * no function writes where its own trigger listens. Photos come from the bucket only.
 */
class LeastPrivilegeTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint(BUCKET);
    private static final Pattern OBJECT_ARN = Pattern.compile("arn:\\$\\{AWS::Partition}:s3:::\\$\\{BucketName}/([a-z]+/)\\*");
    private static final Pattern BUCKET_ARN = Pattern.compile("arn:\\$\\{AWS::Partition}:s3:::\\$\\{BucketName}");
    private static final Set<String> WRITES = Set.of("s3:PutObject", "s3:DeleteObject");

    /** What each function is for: the prefixes it reads and the prefixes it writes (DESIGN.md). */
    private static final Map<String, Set<String>> READS = Map.of(
            "PublishFunction", Set.of("articles/", "photos/", "items/"),
            "UnpublishFunction", Set.of("articles/", "items/"),
            "BackfillFunction", Set.of("articles/", "photos/", "items/"),
            "FeedFunction", Set.of("items/", "feeds/"));
    private static final Map<String, Set<String>> OUTPUTS = Map.of(
            "PublishFunction", Set.of("cards/", "share/", "items/", "errors/"),
            "UnpublishFunction", Set.of("cards/", "share/", "items/", "errors/"),
            "BackfillFunction", Set.of("cards/", "share/", "items/", "errors/"),
            "FeedFunction", Set.of("feeds/"));

    @TempDir
    Path tmp;

    @BeforeEach
    void clean() {
        S3.clear();
    }

    @Test
    void noActionOrResourceWildcardThatIsNotNeeded() throws IOException {
        SamTemplate template = SamTemplate.read();
        assertEquals(OUTPUTS.keySet(), Set.copyOf(template.functions().keySet()), "every function has its grants listed here");
        List<String> problems = new ArrayList<>();
        template.functions().forEach((name, fn) -> {
            for (SamTemplate.Statement s : SamTemplate.statements(fn)) {
                if (!s.effect().equals("Allow")) continue;
                for (String action : s.actions()) {
                    if (action.contains("*")) problems.add(name + ": wildcard action " + action);
                    if (action.startsWith("managed:")) problems.add(name + ": managed policy " + action + " (grants what it likes)");
                }
                for (String resource : s.resources()) {
                    if (resource.equals("*")) problems.add(name + ": resource *");
                    else if (BUCKET_ARN.matcher(resource).matches()) {
                        // the bucket itself: only for listing, and only below the prefixes the function reads
                        if (!s.actions().equals(List.of("s3:ListBucket"))) problems.add(name + ": bucket ARN for " + s.actions());
                        if (s.condition() == null || s.condition().findValue("s3:prefix") == null) {
                            problems.add(name + ": ListBucket without an s3:prefix condition");
                        }
                    } else if (!OBJECT_ARN.matcher(resource).matches()) {
                        // objects: one named prefix, then /* for the keys below it; nothing broader
                        problems.add(name + ": resource is not one prefix of the bucket: " + resource);
                    }
                }
            }
        });
        // The rest of the template: no Principal "*" and no wildcard actions in resource policies either.
        template.root.path("Resources").forEach(r -> r.findValues("Statement").forEach(list -> list.forEach(s -> {
            if (s.path("Principal").asText().equals("*")) problems.add("a resource policy with Principal *");
            SamTemplate.strings(s.path("Action")).stream().filter(a -> a.contains("*")).forEach(a -> problems.add("wildcard action " + a));
        })));
        assertEquals(List.of(), problems);
    }

    @Test
    void eachFunctionReadsAndWritesOnlyItsOwnPrefixes() throws IOException {
        SamTemplate template = SamTemplate.read();
        template.functions().forEach((name, fn) -> {
            assertEquals(OUTPUTS.get(name), prefixes(fn, WRITES), name + " writes");
            assertEquals(READS.get(name), prefixes(fn, Set.of("s3:GetObject")), name + " reads");
        });
    }

    @Test
    void noFunctionWritesUnderAPrefixThatTriggersIt() throws IOException {
        SamTemplate template = SamTemplate.read();
        Map<String, List<SamTemplate.Trigger>> triggers = new HashMap<>();
        template.functions().forEach((name, fn) -> triggers.put(name, template.triggers(fn)));
        assertFalse(triggers.get("PublishFunction").isEmpty());
        assertTrue(triggers.get("PublishFunction").stream().allMatch(t -> t.prefix().equals("articles/")), triggers.toString());
        assertFalse(triggers.get("FeedFunction").isEmpty(), "the feed function is invoked through the items queue");
        // Follow writes to triggers: no chain of functions may lead back to where it started.
        for (String start : triggers.keySet()) {
            Set<String> reached = new LinkedHashSet<>();
            List<String> frontier = new ArrayList<>(List.of(start));
            while (!frontier.isEmpty()) {
                String fn = frontier.remove(0);
                for (String prefix : prefixes(template.functions().get(fn), WRITES)) {
                    triggers.forEach((other, list) -> {
                        if (list.stream().anyMatch(t -> t.mayMatchKeysUnder(prefix)) && reached.add(other)) frontier.add(other);
                    });
                }
            }
            assertFalse(reached.contains(start), start + " can trigger itself through " + reached);
        }
    }

    @Test
    void theHandlersWriteOnlyWhereTheirPoliciesAllow() throws IOException {
        SamTemplate template = SamTemplate.read();
        Map<String, String> env = env();
        upload("photos/lp.jpg", PhotoFiles.jpeg(1400, 900, 3));
        upload("articles/lp-story.json", "{\"headline\": \"Least privilege\", \"section\": \"Tech\", \"photo\": {\"key\": \"photos/lp.jpg\"}}");
        upload("articles/lp-bad.json", "{\"section\": \"Tech\"}");
        int mark = S3.changes().size();
        PublishHandler publish = new PublishHandler(env);
        publish.handleRequest(S3EventJson.put(tmp, BUCKET, "articles/lp-story.json", "0010", Instant.now()), new LogLines());
        publish.handleRequest(S3EventJson.put(tmp, BUCKET, "articles/lp-bad.json", "0011", Instant.now()), new LogLines());
        List<ObjectChange> byPublish = S3.changes().subList(mark, S3.changes().size());
        assertWithin("PublishFunction", template, byPublish);
        assertTrue(byPublish.stream().anyMatch(c -> c.key().startsWith("cards/")) && byPublish.stream().anyMatch(c -> c.key().startsWith("errors/")));

        mark = S3.changes().size();
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (ObjectChange c : S3.changes()) {
            if (c.key().startsWith("items/") && c.key().endsWith(".json")) {
                ids.add("m" + ids.size());
                bodies.add(S3EventJson.itemNotification(BUCKET, c.eventName(), c.key(), c.sequencer(), c.eventTime()));
            }
        }
        new FeedHandler(env).handleRequest(S3EventJson.sqs(tmp, ids, bodies), new LogLines());
        List<ObjectChange> byFeed = S3.changes().subList(mark, S3.changes().size());
        assertFalse(byFeed.isEmpty());
        assertWithin("FeedFunction", template, byFeed);

        S3.client().deleteObject(b -> b.bucket(BUCKET).key("articles/lp-story.json"));
        mark = S3.changes().size();
        new UnpublishHandler(env).handleRequest(S3EventJson.s3(tmp, S3EventJson.record("ObjectRemoved:Delete", BUCKET,
                "articles/lp-story.json", "0020", Instant.now())), new LogLines());
        List<ObjectChange> byUnpublish = S3.changes().subList(mark, S3.changes().size());
        assertFalse(byUnpublish.isEmpty());
        assertWithin("UnpublishFunction", template, byUnpublish);
        assertTrue(byUnpublish.stream().allMatch(ObjectChange::removed), "unpublishing only deletes: " + byUnpublish);
    }

    @Test
    void photosAreReadFromTheBucketOnlyNeverFetchedAndSvgIsRefused() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jpeg = PhotoFiles.jpeg(1200, 800, 5);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, jpeg.length);
            ex.getResponseBody().write(jpeg);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/photo.jpg";
            upload("articles/ssrf-json.json", "{\"headline\": \"h\", \"photo\": {\"key\": \"" + url + "\"}}");
            upload("articles/ssrf-ninjs.json", "{\"uri\": \"urn:x:1\", \"type\": \"text\", \"version\": \"1\", \"headline\": \"Ninjs with a remote picture\","
                    + " \"associations\": {\"featureimage\": {\"uri\": \"urn:x:2\", \"type\": \"picture\", \"renditions\": {\"original\": {\"href\": \"" + url + "\"}}}}}");
            upload("articles/ssrf-markdown.md", "---\ntitle: Markdown with a remote image\nimage: " + url + "\n---\n\n![a photo](" + url + ")\n\nBody text.\n");
            upload("photos/disguised.jpg", new String(PhotoFiles.svg(), StandardCharsets.UTF_8));
            upload("articles/svg-disguised.json", "{\"headline\": \"h\", \"photo\": {\"key\": \"photos/disguised.jpg\"}}");
            PublishHandler publish = new PublishHandler(env());
            LogLines log = new LogLines();
            for (String key : List.of("articles/ssrf-json.json", "articles/ssrf-ninjs.json", "articles/ssrf-markdown.md", "articles/svg-disguised.json")) {
                publish.handleRequest(S3EventJson.put(tmp, BUCKET, key, "0030", Instant.now()), log);
            }
            assertEquals(0, hits.get(), "no function fetched a URL an article named");
            JsonNode svg = new com.fasterxml.jackson.databind.ObjectMapper().readTree(read("errors/svg-disguised.json"));
            assertEquals("photo", svg.path("field").asText());
            assertTrue(svg.path("problem").asText().contains("not a supported image"), svg.toString());
            assertTrue(S3.client().listObjectsV2(b -> b.bucket(BUCKET).prefix("cards/svg-disguised/")).contents().isEmpty());
        } finally {
            server.stop(0);
        }
    }

    private static void assertWithin(String function, SamTemplate template, List<ObjectChange> changes) {
        Set<String> allowed = prefixes(template.functions().get(function), WRITES);
        Set<String> outside = new TreeSet<>();
        for (ObjectChange c : changes) {
            if (allowed.stream().noneMatch(p -> c.key().startsWith(p))) outside.add(c.eventName() + " " + c.key());
        }
        assertEquals(Set.of(), outside, function + " wrote outside " + allowed);
    }

    /** The key prefixes a function's statements grant for any of {@code actions}. */
    private static Set<String> prefixes(JsonNode function, Set<String> actions) {
        Set<String> out = new TreeSet<>();
        for (SamTemplate.Statement s : SamTemplate.statements(function)) {
            if (!s.effect().equals("Allow") || s.actions().stream().noneMatch(actions::contains)) continue;
            for (String r : s.resources()) {
                Matcher m = OBJECT_ARN.matcher(r);
                if (m.matches()) out.add(m.group(1));
            }
        }
        return out;
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(S3.endpoint().clientEnvironment());
        env.put("BUCKET_NAME", BUCKET);
        env.put("SITE_URL", "https://news.example.com");
        env.put("PUBLIC_BASE_URL", "https://cdn.example.com");
        return env;
    }

    private static void upload(String key, byte[] bytes) {
        S3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    private static void upload(String key, String text) {
        upload(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(String key) {
        return S3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }
}
