package io.masthead.local.backfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The event S3 Batch Operations sends a Lambda function (invocation schema 2.0). */
public final class BatchOperationsEvent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchOperationsEvent() {
    }

    public static String of(String jobId, List<BatchTask> tasks, boolean onlyCards) {
        ObjectNode root = JSON.createObjectNode()
                .put("invocationSchemaVersion", "2.0")
                .put("invocationId", Base64.getEncoder().withoutPadding()
                        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
        ObjectNode job = root.putObject("job").put("id", jobId);
        job.putObject("userArguments").put("onlyCards", Boolean.toString(onlyCards));
        var array = root.putArray("tasks");
        for (BatchTask task : tasks) {
            array.addObject()
                    .put("taskId", task.taskId())
                    .put("s3Key", encodeKey(task.key()))
                    .putNull("s3VersionId")
                    .put("s3Bucket", task.bucket());
        }
        return root.toString();
    }

    /** Keys as Batch Operations passes them from a CSV manifest: percent-encoded, {@code /} kept. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    public static String taskId(int index) {
        return Base64.getEncoder().withoutPadding()
                .encodeToString(("task-" + index).getBytes(StandardCharsets.US_ASCII));
    }
}
