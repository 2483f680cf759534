package io.masthead.event;

import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.masthead.endpoint.TestEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 Batch Operations handler, driven by a real invocation schema 2.0 event. */
class BackfillHandlerTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("masthead");

    private BackfillHandler backfill;

    @BeforeEach
    void bucketWithOneGoodAndOneMissingArticle() throws IOException {
        S3.clear();
        Map<String, String> env = new HashMap<>(S3.endpoint().clientEnvironment());
        env.put("BUCKET_NAME", "masthead");
        env.put("PUBLIC_BASE_URL", "https://cdn.example.com");
        backfill = new BackfillHandler(env);
        put("articles/iraq-coalition-mission.json", Path.of("../../events/articles/iraq-coalition-mission.json"));
        put("photos/rocket.jpg", Path.of("../../events/photos/rocket.jpg"));
        // the second task's article is not in the bucket
    }

    @ParameterizedTest
    @Event(value = "../../events/s3-batch-backfill.json", type = S3BatchEventV2.class)
    void rendersEachTaskAndReportsPerTaskResults(S3BatchEventV2 event) {
        S3BatchResponse response = backfill.handleRequest(event, new TestContext());

        assertEquals("2.0", response.getInvocationSchemaVersion());
        assertEquals(event.getInvocationId(), response.getInvocationId());
        assertEquals(S3BatchResponse.ResultCode.PermanentFailure, response.getTreatMissingKeysAs());
        List<S3BatchResponse.Result> results = response.getResults();
        assertEquals(List.of("dGFza2lkZ29lc2hlcmUK", "dGFza2lkZ29lc2hlcmUL"), results.stream().map(S3BatchResponse.Result::getTaskId).toList());
        assertEquals(S3BatchResponse.ResultCode.Succeeded, results.get(0).getResultCode());
        assertEquals("published", results.get(0).getResultString());
        assertTrue(results.get(1).getResultString().startsWith("skipped"), results.get(1).getResultString());
        assertTrue(exists("items/iraq-coalition-mission.json"));

        // a second run with onlyCards finds nothing to change
        event.getJob().getUserArguments().put("onlyCards", "true");
        S3BatchResponse again = backfill.handleRequest(event, new TestContext());
        assertEquals("skipped: cards unchanged", again.getResults().get(0).getResultString());
    }

    private static void put(String key, Path file) throws IOException {
        S3.client().putObject(b -> b.bucket("masthead").key(key), RequestBody.fromBytes(Files.readAllBytes(file)));
    }

    private static boolean exists(String key) {
        return S3.client().listObjectsV2(b -> b.bucket("masthead").prefix(key)).contents().stream().anyMatch(o -> o.key().equals(key));
    }
}
