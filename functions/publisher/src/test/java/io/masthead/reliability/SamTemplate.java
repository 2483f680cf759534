package io.masthead.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml as data: each function's policy statements and the S3 key filters that invoke
 * it, directly (S3 events) or through a queue the bucket notifies (SQS events). CloudFormation's
 * short tags ({@code !Sub}, {@code !Ref}, {@code !GetAtt}) read as their plain values.
 */
final class SamTemplate {
    static final Path FILE = Path.of("../../template.yaml");

    /** One policy statement of a function. */
    record Statement(String effect, List<String> actions, List<String> resources, JsonNode condition) {
    }

    /** Keys matching {@code prefix} and {@code suffix} that, on {@code events}, invoke a function. */
    record Trigger(String events, String prefix, String suffix) {
        boolean mayMatchKeysUnder(String writePrefix) {
            return writePrefix.startsWith(prefix) || prefix.startsWith(writePrefix);
        }
    }

    final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    static SamTemplate read() throws IOException {
        return new SamTemplate(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
    }

    Map<String, JsonNode> functions() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(e -> {
            if ("AWS::Serverless::Function".equals(e.getValue().path("Type").asText())) out.put(e.getKey(), e.getValue());
        });
        return out;
    }

    static List<Statement> statements(JsonNode function) {
        List<Statement> out = new ArrayList<>();
        for (JsonNode policy : function.path("Properties").path("Policies")) {
            if (policy.isTextual()) {
                out.add(new Statement("Allow", List.of("managed:" + policy.asText()), List.of("*"), null));
                continue;
            }
            for (JsonNode s : policy.path("Statement")) {
                out.add(new Statement(s.path("Effect").asText(), strings(s.path("Action")), strings(s.path("Resource")), s.get("Condition")));
            }
        }
        return out;
    }

    /** The S3 key filters that invoke this function, directly or through a queue. */
    List<Trigger> triggers(JsonNode function) {
        List<Trigger> out = new ArrayList<>();
        for (JsonNode event : function.path("Properties").path("Events")) {
            String type = event.path("Type").asText();
            JsonNode props = event.path("Properties");
            if (type.equals("S3")) {
                out.add(trigger(props.path("Events").asText(), props.path("Filter")));
            } else if (type.equals("SQS")) {
                String queue = props.path("Queue").asText().replace(".Arn", "");
                for (JsonNode bucket : buckets()) {
                    for (JsonNode q : bucket.path("Properties").path("NotificationConfiguration").path("QueueConfigurations")) {
                        if (q.path("Queue").asText().replace(".Arn", "").equals(queue)) out.add(trigger(q.path("Event").asText(), q.path("Filter")));
                    }
                }
            }
        }
        return out;
    }

    private List<JsonNode> buckets() {
        List<JsonNode> out = new ArrayList<>();
        root.path("Resources").forEach(r -> {
            if ("AWS::S3::Bucket".equals(r.path("Type").asText())) out.add(r);
        });
        return out;
    }

    private static Trigger trigger(String events, JsonNode filter) {
        String prefix = "", suffix = "";
        for (JsonNode rule : filter.path("S3Key").path("Rules")) {
            if (rule.path("Name").asText().equalsIgnoreCase("prefix")) prefix = rule.path("Value").asText();
            if (rule.path("Name").asText().equalsIgnoreCase("suffix")) suffix = rule.path("Value").asText();
        }
        return new Trigger(events, prefix, suffix);
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) node.forEach(n -> out.add(n.asText()));
        else if (!node.isMissingNode() && !node.isNull()) out.add(node.asText());
        return out;
    }
}
