package io.masthead.local.tooling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.endpoint.EndpointOptions;
import io.masthead.endpoint.S3Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code invoke} runs a template function once against a real endpoint, with SAM's event shape. */
class InvokeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "../../template.yaml";
    private static final String ARTICLE = "{\"headline\":\"Harbour plan approved\",\"section\":\"City\","
            + "\"published\":\"2024-03-01T09:00:00Z\",\"bodyHtml\":\"<p>The council approved the plan.</p>\"}";

    @TempDir
    Path dir;

    @Test
    void runsTheFunctionAgainstTheEndpointInTheEnvironment() throws Exception {
        try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.inMemory("news"));
             S3Client s3 = endpoint.newClient()) {
            s3.putObject(b -> b.bucket("news").key("articles/harbour plan.json").contentType("application/json"),
                    RequestBody.fromString(ARTICLE));
            Path event = eventFile("s3-put", "news", "articles/harbour plan.json");

            Result r = invoke(Map.of("AWS_ENDPOINT_URL_S3", endpoint.uri().toString()),
                    "PublishFunction", event.toString(), "--bucket", "news");

            assertEquals(0, r.code, r.err);
            assertTrue(r.err.contains("START RequestId: ") && r.err.contains("END RequestId: ")
                    && r.err.contains("REPORT RequestId: "), r.err);
            assertTrue(r.err.contains("harbour-plan"), "the handler's own log lines: " + r.err);
            assertEquals("null", r.out.strip(), "PublishHandler returns nothing");
            JsonNode metadata = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket("news").key("share/harbour-plan.json"))
                    .asByteArray());
            assertEquals("Harbour plan approved", metadata.path("title").asText());
            assertTrue(metadata.path("image").path("url").asText().startsWith(endpoint.bucketUrl() + "/cards/"));
        }
    }

    @Test
    void startsAnEmbeddedEndpointOnTheDataFolderWhenNoneIsSet() throws Exception {
        Path data = dir.resolve("data");
        try (S3Endpoint seed = S3Endpoint.start(EndpointOptions.onDisk(0, "masthead", data));
             S3Client s3 = seed.newClient()) {
            s3.putObject(b -> b.bucket("masthead").key("articles/harbour.json").contentType("application/json"),
                    RequestBody.fromString(ARTICLE));
        }
        Path event = eventFile("s3-put", "masthead", "articles/harbour.json");

        Result r = invoke(Map.of(), "PublishFunction", event.toString(), "--data", data.toString());

        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("embedded S3 endpoint"), r.err);
        assertTrue(Files.isRegularFile(data.resolve("masthead/share/harbour.html")), "published into the data folder");
    }

    @Test
    void reportsAFailingHandlerAsLambdaDoes() throws Exception {
        try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.inMemory("news"))) {
            Path event = dir.resolve("not-s3.json");
            Files.writeString(event, "{\"Records\": [{}]}");
            Result r = invoke(Map.of("AWS_ENDPOINT_URL_S3", endpoint.uri().toString()),
                    "PublishFunction", event.toString(), "--bucket", "news");
            assertEquals(1, r.code);
            JsonNode error = JSON.readTree(r.out);
            assertFalse(error.path("errorMessage").asText().isEmpty(), r.out);
            assertFalse(error.path("errorType").asText().isEmpty(), r.out);
        }
    }

    @Test
    void refusesAnUnknownFunction() throws Exception {
        Path event = eventFile("s3-put", "masthead", "articles/a.json");
        Result r = invoke(Map.of(), "NoSuchFunction", event.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("no function NoSuchFunction") && r.err.contains("PublishFunction"), r.err);
    }

    private Path eventFile(String kind, String bucket, String key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new EventCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(List.of(kind, "--bucket", bucket, "--key", key)));
        Path file = Files.createTempFile(dir, "event", ".json");
        Files.write(file, out.toByteArray());
        return file;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result invoke(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--template");
        all.add(TEMPLATE);
        int code = new InvokeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
