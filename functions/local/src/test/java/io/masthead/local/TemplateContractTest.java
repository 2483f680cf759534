package io.masthead.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.masthead.local.lambda.LocalFunction;
import io.masthead.local.template.FunctionSpec;
import io.masthead.local.template.KeyFilter;
import io.masthead.local.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** template.yaml against the code: handlers exist, no function triggers itself, the runner wires what it declares. */
class TemplateContractTest {
    static final Path TEMPLATE = Path.of("../../template.yaml");
    private final SamTemplate template = SamTemplate.read(TEMPLATE, Map.of("BucketName", "masthead"));

    @Test
    void everyHandlerResolvesToAClassWithBothConstructors() throws Exception {
        assertEquals(Set.of("PublishFunction", "UnpublishFunction", "FeedFunction", "BackfillFunction"),
                Set.copyOf(template.functions().stream().map(FunctionSpec::logicalId).toList()));
        for (FunctionSpec f : template.functions()) {
            Class<?> type = Class.forName(f.handlerClass());
            assertTrue(RequestHandler.class.isAssignableFrom(type), type + " is a RequestHandler");
            type.getConstructor();
            type.getConstructor(Map.class);
            LocalFunction local = new LocalFunction(f, Map.of(), getClass().getClassLoader());
            assertEquals(java.util.Optional.empty(), local.problem(), f.logicalId());
        }
    }

    @Test
    void noFunctionWritesUnderAPrefixThatTriggersIt() {
        Map<String, Set<String>> triggers = new HashMap<>();
        for (FunctionSpec f : template.functions()) {
            List<KeyFilter> filters = template.triggerFilters(f);
            assertFalse(f.writePrefixes().isEmpty(), f.logicalId() + " writes somewhere");
            for (String written : f.writePrefixes()) {
                for (KeyFilter filter : filters) {
                    assertFalse(overlaps(written, filter), f.logicalId() + " writes " + written
                            + "* and is triggered by " + filter);
                }
            }
            // Which functions this one's writes can trigger, for the loop check below.
            for (FunctionSpec g : template.functions()) {
                for (String written : f.writePrefixes()) {
                    if (template.triggerFilters(g).stream().anyMatch(filter -> overlaps(written, filter))) {
                        triggers.computeIfAbsent(f.logicalId(), k -> new HashSet<>()).add(g.logicalId());
                    }
                }
            }
        }
        for (String name : List.of("PublishFunction", "UnpublishFunction", "FeedFunction")) {
            assertFalse(template.triggerFilters(template.function(name)).isEmpty(), name + " is triggered by something");
        }
        assertEquals(Set.of("FeedFunction"), triggers.get("PublishFunction"), "publishing feeds the feed function");
        assertEquals(Set.of("FeedFunction"), triggers.get("UnpublishFunction"), "so does unpublishing");
        assertFalse(triggers.containsKey("FeedFunction"), "the feeds trigger nothing");
        for (String start : triggers.keySet()) {
            assertFalse(reaches(triggers, start, start, new HashSet<>()), "trigger loop through " + start);
        }
    }

    private static boolean overlaps(String writtenPrefix, KeyFilter trigger) {
        return writtenPrefix.startsWith(trigger.prefix()) || trigger.prefix().startsWith(writtenPrefix);
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String target, Set<String> seen) {
        for (String next : edges.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(edges, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void resolvesParametersIntoTheEnvironment() throws Exception {
        JsonNode raw = new YAMLMapper().readTree(TEMPLATE.toFile());
        String siteName = raw.path("Parameters").path("SiteName").path("Default").asText();
        FunctionSpec publish = template.function("PublishFunction");
        assertEquals(siteName, publish.environment().get("SITE_NAME"));
        assertEquals(raw.path("Parameters").path("FeedWindow").path("Default").asText(),
                publish.environment().get("FEED_WINDOW"));
        assertEquals(raw.path("Resources").path("PublishFunction").path("Properties").path("Handler").asText(),
                publish.handler());
        assertEquals(raw.path("Globals").path("Function").path("MemorySize").asInt(), publish.memoryMb());

        SamTemplate overridden = SamTemplate.read(TEMPLATE, Map.of("BucketName", "b1", "SiteName", "Local News"));
        assertEquals("Local News", overridden.function("FeedFunction").environment().get("SITE_NAME"));
        assertThrows(IllegalArgumentException.class, () -> SamTemplate.read(TEMPLATE, Map.of("NoSuchParameter", "x")));
    }

    /** Reads the triggers from the YAML directly (tags as plain text) and compares with what the runner wired. */
    @Test
    void theLocalRunnerWiresExactlyTheTemplatesTriggers() throws Exception {
        JsonNode resources = new YAMLMapper().readTree(TEMPLATE.toFile()).path("Resources");
        Set<Wiring.S3Route> s3 = new HashSet<>();
        Set<Wiring.QueueRoute> queues = new HashSet<>();
        Set<Wiring.QueuePoller> pollers = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            var resource = it.next();
            JsonNode p = resource.getValue().path("Properties");
            for (JsonNode q : p.path("NotificationConfiguration").path("QueueConfigurations")) {
                queues.add(new Wiring.QueueRoute(q.path("Queue").asText().split("\\.")[0],
                        List.of(q.path("Event").asText()), rule(q, "prefix"), rule(q, "suffix")));
            }
            for (Iterator<Map.Entry<String, JsonNode>> events = p.path("Events").fields(); events.hasNext(); ) {
                JsonNode event = events.next().getValue();
                JsonNode e = event.path("Properties");
                if (event.path("Type").asText().equals("S3")) {
                    s3.add(new Wiring.S3Route(resource.getKey(), texts(e.path("Events")), rule(e, "prefix"), rule(e, "suffix")));
                } else if (event.path("Type").asText().equals("SQS")) {
                    String queue = e.path("Queue").asText().split("\\.")[0];
                    JsonNode redrive = resources.path(queue).path("Properties").path("RedrivePolicy");
                    pollers.add(new Wiring.QueuePoller(queue, resource.getKey(), e.path("BatchSize").asInt(),
                            e.path("MaximumBatchingWindowInSeconds").asInt(),
                            texts(e.path("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                            redrive.path("maxReceiveCount").asInt(),
                            redrive.path("deadLetterTargetArn").asText().split("\\.")[0]));
                }
            }
        }
        assertFalse(s3.isEmpty() || queues.isEmpty() || pollers.isEmpty(), "the template declares all three kinds");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LocalOptions options = LocalOptions.defaults(TEMPLATE, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .withPort(0);
        try (LocalDeployment deployment = LocalDeployment.start(options)) {
            Wiring wiring = deployment.wiring();
            assertEquals(s3, Set.copyOf(wiring.s3Routes()));
            assertEquals(s3.size(), wiring.s3Routes().size());
            assertEquals(queues, Set.copyOf(wiring.queueRoutes()));
            assertEquals(queues.size(), wiring.queueRoutes().size());
            assertEquals(pollers, Set.copyOf(wiring.queuePollers()));
            assertEquals(pollers.size(), wiring.queuePollers().size());
        }
    }

    private static String rule(JsonNode owner, String name) {
        for (JsonNode rule : owner.path("Filter").path("S3Key").path("Rules")) {
            if (rule.path("Name").asText().equals(name)) {
                return rule.path("Value").asText();
            }
        }
        return "";
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
