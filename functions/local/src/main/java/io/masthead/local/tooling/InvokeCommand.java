package io.masthead.local.tooling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.endpoint.EndpointOptions;
import io.masthead.endpoint.S3Endpoint;
import io.masthead.local.lambda.Invocation;
import io.masthead.local.lambda.LocalFunction;
import io.masthead.local.template.FunctionSpec;
import io.masthead.local.template.SamTemplate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./masthead invoke FUNCTION EVENT.json}: runs one function of template.yaml once with an
 * event file, like {@code sam local invoke} without a container. It talks to the endpoint in
 * {@code AWS_ENDPOINT_URL_S3} (or {@code AWS_ENDPOINT_URL}) when set, else to an embedded one
 * started for the call on the files in {@code --data}. The handler's log goes to stderr framed by
 * START/END/REPORT lines, its JSON response to stdout.
 */
public final class InvokeCommand {
    static final String USAGE = "usage: ./masthead invoke FUNCTION EVENT.json [--bucket masthead] [--data .masthead/data]"
            + " [--template template.yaml]";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    /** @param environment this process's environment (where AWS_ENDPOINT_URL_S3 is looked up) */
    public InvokeCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public int run(List<String> args) {
        CommandOptions o;
        String eventJson;
        FunctionSpec spec;
        try {
            o = CommandOptions.parse(args, Set.of("bucket", "data", "template"), Set.of());
            if (o.positional().size() != 2) {
                throw new IllegalArgumentException("name a function and an event file");
            }
            Path eventFile = Path.of(o.positional().get(1));
            if (!Files.isRegularFile(eventFile)) {
                throw new IllegalArgumentException("no event file " + eventFile);
            }
            eventJson = Files.readString(eventFile, StandardCharsets.UTF_8);
            JSON.readTree(eventJson);
            Path template = o.template();
            SamTemplate sam = SamTemplate.read(template, Map.of("BucketName", o.get("bucket", "masthead")));
            spec = sam.function(o.positional().get(0));
        } catch (IllegalArgumentException e) {
            err.println("invoke: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("invoke: cannot read the event: " + e.getMessage());
            return 2;
        }
        String bucket = o.get("bucket", "masthead");
        String endpointUrl = environment.getOrDefault("AWS_ENDPOINT_URL_S3", environment.get("AWS_ENDPOINT_URL"));
        if (endpointUrl != null && !endpointUrl.isBlank()) {
            return invoke(spec, eventJson, endpointUrl, bucket);
        }
        Path data = Path.of(o.get("data", ".masthead/data")).toAbsolutePath().normalize();
        try (S3Endpoint endpoint = S3Endpoint.start(new EndpointOptions(0, bucket, data))) {
            err.println("embedded S3 endpoint " + endpoint.uri() + " on " + data.resolve(bucket));
            return invoke(spec, eventJson, endpoint.uri().toString(), bucket);
        }
    }

    private int invoke(FunctionSpec spec, String eventJson, String endpointUrl, String bucket) {
        LocalFunction function = new LocalFunction(spec, environmentFor(spec, endpointUrl, bucket),
                Thread.currentThread().getContextClassLoader());
        String requestId = UUID.randomUUID().toString();
        err.println("Invoking " + spec.handler() + " (java17) against " + endpointUrl);
        err.println("START RequestId: " + requestId + " Version: $LATEST");
        Invocation invocation = function.invoke(eventJson, "invoke");
        invocation.logLines().forEach(line -> err.println(line.stripTrailing()));
        err.println("END RequestId: " + requestId);
        err.println("REPORT RequestId: " + requestId + "\tDuration: " + invocation.durationMs() + " ms\tBilled Duration: "
                + Math.max(1, invocation.durationMs()) + " ms\tMemory Size: " + spec.memoryMb() + " MB"
                + (invocation.coldStartMs() > 0 ? "\tInit Duration: " + invocation.coldStartMs() + " ms" : ""));
        if (invocation.succeeded()) {
            out.println(invocation.result() == null ? "null" : invocation.result());
            return 0;
        }
        out.println(errorResponse(invocation.error()));
        return 1;
    }

    /** The response Lambda's Java runtime returns for an unhandled exception. */
    static String errorResponse(Throwable error) {
        ObjectNode node = JSON.createObjectNode()
                .put("errorMessage", String.valueOf(error.getMessage()))
                .put("errorType", error.getClass().getName());
        var trace = node.putArray("stackTrace");
        for (StackTraceElement e : error.getStackTrace()) {
            trace.add(e.toString());
        }
        return node.toString();
    }

    private Map<String, String> environmentFor(FunctionSpec spec, String endpointUrl, String bucket) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.put("AWS_ENDPOINT_URL_S3", endpointUrl);
        env.put("AWS_REGION", environment.getOrDefault("AWS_REGION", S3Endpoint.REGION.id()));
        env.put("AWS_DEFAULT_REGION", env.get("AWS_REGION"));
        env.put("AWS_ACCESS_KEY_ID", environment.getOrDefault("AWS_ACCESS_KEY_ID", "local"));
        env.put("AWS_SECRET_ACCESS_KEY", environment.getOrDefault("AWS_SECRET_ACCESS_KEY", "local"));
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("BUCKET_NAME", bucket);
        if (!environment.containsKey("PUBLIC_BASE_URL")) {
            env.put("PUBLIC_BASE_URL", endpointUrl.replaceAll("/+$", "") + "/" + bucket);
        } else {
            env.put("PUBLIC_BASE_URL", environment.get("PUBLIC_BASE_URL"));
        }
        return env;
    }
}
