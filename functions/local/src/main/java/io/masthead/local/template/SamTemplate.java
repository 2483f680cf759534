package io.masthead.local.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a SAM template declares that the local runner reproduces: the functions (handler,
 * environment, memory, S3 and SQS events, the prefixes they may write), the bucket's queue
 * notifications and the queues with their redrive policies. Read once at start-up, so local
 * wiring follows the deployment.
 */
public record SamTemplate(Path source, Map<String, String> parameters, String bucketLogicalId,
                          List<FunctionSpec> functions, List<QueueNotification> queueNotifications,
                          Map<String, QueueSpec> queues) {

    public SamTemplate {
        parameters = Map.copyOf(parameters);
        functions = List.copyOf(functions);
        queueNotifications = List.copyOf(queueNotifications);
        queues = Map.copyOf(queues);
    }

    /**
     * @param parameterOverrides values for template Parameters (like {@code sam deploy
     *                           --parameter-overrides}); the rest take their defaults
     */
    public static SamTemplate read(Path file, Map<String, String> parameterOverrides) {
        JsonNode root = CloudFormationYaml.read(file);
        return new Reader(file, root, parameterOverrides).read();
    }

    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in " + source
                        + "; it declares " + functions.stream().map(FunctionSpec::logicalId).toList()));
    }

    /** The bucket notifications and S3 events that can put work in front of {@code function}. */
    public List<KeyFilter> triggerFilters(FunctionSpec function) {
        List<KeyFilter> filters = new ArrayList<>();
        function.s3Triggers().forEach(t -> filters.add(t.filter()));
        for (SqsTrigger sqs : function.sqsTriggers()) {
            queueNotifications.stream().filter(n -> n.queue().equals(sqs.queue()))
                    .forEach(n -> filters.add(n.filter()));
        }
        return filters;
    }

    private static final class Reader {
        private final Path file;
        private final JsonNode root;
        private final JsonNode resources;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Intrinsics intrinsics;

        Reader(Path file, JsonNode root, Map<String, String> overrides) {
            this.file = file;
            this.root = root;
            this.resources = root.path("Resources");
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Parameters").fields(); it.hasNext(); ) {
                var p = it.next();
                JsonNode def = p.getValue().get("Default");
                parameters.put(p.getKey(), def == null ? "" : def.asText());
            }
            overrides.forEach((name, value) -> {
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException("template " + file + " has no parameter " + name
                            + "; it has " + parameters.keySet());
                }
                parameters.put(name, value);
            });
            this.intrinsics = new Intrinsics(parameters, this::physicalName, this::attribute);
        }

        SamTemplate read() {
            JsonNode globals = root.path("Globals").path("Function");
            List<FunctionSpec> functions = new ArrayList<>();
            List<QueueNotification> notifications = new ArrayList<>();
            Map<String, QueueSpec> queues = new LinkedHashMap<>();
            String bucket = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                var entry = it.next();
                String id = entry.getKey();
                JsonNode properties = entry.getValue().path("Properties");
                switch (entry.getValue().path("Type").asText()) {
                    case "AWS::Serverless::Function" -> functions.add(function(id, properties, globals));
                    case "AWS::SQS::Queue" -> queues.put(id, queue(id, properties));
                    case "AWS::S3::Bucket" -> {
                        if (bucket != null) {
                            throw new IllegalArgumentException(file + " declares more than one bucket ("
                                    + bucket + ", " + id + "); the local runner serves one");
                        }
                        bucket = id;
                        for (JsonNode q : properties.path("NotificationConfiguration").path("QueueConfigurations")) {
                            String queue = logicalId(q.get("Queue"));
                            notifications.add(new QueueNotification(
                                    q.hasNonNull("Id") ? intrinsics.text(q.get("Id")) : queue,
                                    queue, new EventTypes(List.of(intrinsics.text(q.get("Event")))), filter(q)));
                        }
                    }
                    default -> {
                    }
                }
            }
            return new SamTemplate(file, parameters, bucket, functions, notifications, queues);
        }

        private FunctionSpec function(String id, JsonNode properties, JsonNode globals) {
            Map<String, String> environment = new LinkedHashMap<>();
            variables(globals, environment);
            variables(properties, environment);
            List<S3Trigger> s3 = new ArrayList<>();
            List<SqsTrigger> sqs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.path("Events").fields(); it.hasNext(); ) {
                var event = it.next();
                JsonNode p = event.getValue().path("Properties");
                switch (event.getValue().path("Type").asText()) {
                    case "S3" -> s3.add(new S3Trigger(event.getKey(), new EventTypes(texts(p.get("Events"))), filter(p)));
                    case "SQS" -> sqs.add(new SqsTrigger(event.getKey(), logicalId(p.get("Queue")),
                            p.path("BatchSize").asInt(10), p.path("MaximumBatchingWindowInSeconds").asInt(0),
                            texts(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")));
                    default -> throw new IllegalArgumentException("function " + id + " has an event of type "
                            + event.getValue().path("Type").asText() + " that the local runner does not emulate");
                }
            }
            JsonNode reserved = properties.get("ReservedConcurrentExecutions");
            return new FunctionSpec(id, intrinsics.text(properties.get("Handler")),
                    integer(properties, globals, "MemorySize", 128), integer(properties, globals, "Timeout", 3),
                    reserved == null ? null : Integer.valueOf(intrinsics.text(reserved)),
                    environment, s3, sqs, writePrefixes(properties.path("Policies")));
        }

        private int integer(JsonNode properties, JsonNode globals, String name, int fallback) {
            JsonNode value = properties.has(name) ? properties.get(name) : globals.get(name);
            return value == null ? fallback : Integer.parseInt(intrinsics.text(value));
        }

        private void variables(JsonNode owner, Map<String, String> into) {
            for (Iterator<Map.Entry<String, JsonNode>> it = owner.path("Environment").path("Variables").fields();
                 it.hasNext(); ) {
                var variable = it.next();
                String value = intrinsics.text(variable.getValue());
                into.put(variable.getKey(), value == null ? "" : value);
            }
        }

        /** Key prefixes that s3:PutObject / s3:DeleteObject statements (or S3 write policy templates) allow. */
        private List<String> writePrefixes(JsonNode policies) {
            List<String> prefixes = new ArrayList<>();
            for (JsonNode policy : policies) {
                for (String template : List.of("S3CrudPolicy", "S3WritePolicy", "S3FullAccessPolicy")) {
                    if (policy.has(template)) {
                        prefixes.add("");
                    }
                }
                for (JsonNode statement : policy.path("Statement")) {
                    if (!"Allow".equals(statement.path("Effect").asText())) {
                        continue;
                    }
                    boolean writes = texts(statement.get("Action")).stream().anyMatch(a ->
                            a.equals("s3:*") || a.equals("s3:PutObject") || a.equals("s3:DeleteObject")
                                    || a.equals("s3:Put*") || a.equals("s3:Delete*"));
                    if (!writes) {
                        continue;
                    }
                    for (String arn : texts(statement.get("Resource"))) {
                        int slash = arn.indexOf('/');
                        if (arn.equals("*")) {
                            prefixes.add("");
                        } else if (slash >= 0) {
                            String prefix = arn.substring(slash + 1);
                            prefixes.add(prefix.endsWith("*") ? prefix.substring(0, prefix.length() - 1) : prefix);
                        }
                    }
                }
            }
            return prefixes;
        }

        private KeyFilter filter(JsonNode owner) {
            String prefix = "";
            String suffix = "";
            for (JsonNode rule : owner.path("Filter").path("S3Key").path("Rules")) {
                String name = intrinsics.text(rule.get("Name"));
                String value = intrinsics.text(rule.get("Value"));
                if ("prefix".equalsIgnoreCase(name)) {
                    prefix = value;
                } else if ("suffix".equalsIgnoreCase(name)) {
                    suffix = value;
                }
            }
            return new KeyFilter(prefix, suffix);
        }

        private QueueSpec queue(String id, JsonNode properties) {
            JsonNode redrive = properties.path("RedrivePolicy");
            String deadLetter = redrive.has("deadLetterTargetArn") ? logicalId(redrive.get("deadLetterTargetArn")) : null;
            int visibility = properties.has("VisibilityTimeout")
                    ? Integer.parseInt(intrinsics.text(properties.get("VisibilityTimeout"))) : 30;
            int maxReceive = redrive.has("maxReceiveCount")
                    ? Integer.parseInt(intrinsics.text(redrive.get("maxReceiveCount"))) : 0;
            return new QueueSpec(id, visibility, maxReceive, deadLetter);
        }

        /** The logical id a queue reference names: !GetAtt Q.Arn, !Ref Q, or an ARN ending in it. */
        private String logicalId(JsonNode reference) {
            if (reference == null) {
                throw new IllegalArgumentException("missing queue reference in " + file);
            }
            if (reference.has("Fn::GetAtt")) {
                JsonNode arg = reference.get("Fn::GetAtt");
                return arg.isArray() ? arg.get(0).asText() : arg.asText().split("\\.", 2)[0];
            }
            if (reference.has("Ref")) {
                return reference.get("Ref").asText();
            }
            String text = intrinsics.text(reference);
            return text.substring(text.lastIndexOf(':') + 1);
        }

        private List<String> texts(JsonNode node) {
            List<String> values = new ArrayList<>();
            if (node == null) {
                return values;
            }
            if (node.isArray()) {
                node.forEach(n -> values.add(intrinsics.text(n)));
            } else {
                values.add(intrinsics.text(node));
            }
            return values;
        }

        private String physicalName(String logicalId) {
            JsonNode resource = resources.get(logicalId);
            if (resource == null) {
                return null;
            }
            JsonNode properties = resource.path("Properties");
            return switch (resource.path("Type").asText()) {
                case "AWS::S3::Bucket" -> properties.has("BucketName")
                        ? intrinsics.text(properties.get("BucketName")) : logicalId.toLowerCase();
                case "AWS::SQS::Queue" -> "https://sqs." + Intrinsics.REGION + ".amazonaws.com/"
                        + Intrinsics.ACCOUNT + "/" + logicalId;
                default -> logicalId;
            };
        }

        private String attribute(String logicalIdAndAttribute) {
            String[] parts = logicalIdAndAttribute.split("\\.", 2);
            JsonNode resource = resources.get(parts[0]);
            if (resource == null || parts.length < 2 || !parts[1].equals("Arn")) {
                return null;
            }
            return switch (resource.path("Type").asText()) {
                case "AWS::S3::Bucket" -> "arn:aws:s3:::" + physicalName(parts[0]);
                case "AWS::SQS::Queue" -> "arn:aws:sqs:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":" + parts[0];
                case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                        "arn:aws:lambda:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":function:" + parts[0];
                default -> null;
            };
        }
    }
}
