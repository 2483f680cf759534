package io.masthead.event;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse.ResultCode;
import io.masthead.publish.EventLog;
import io.masthead.publish.Outcome;
import io.masthead.site.Site;
import io.masthead.store.S3Clients;
import io.masthead.store.S3Store;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S3 Batch Operations (invocation schema 2.0): re-renders each article the job's manifest names,
 * so a whole archive re-renders across Lambda's concurrency. A bad article is a permanent
 * failure (with its errors/ record written); an S3 failure is temporary, so Batch Operations
 * retries the task. The job's user argument {@code onlyCards=true} skips articles whose cards
 * did not change.
 */
public final class BackfillHandler implements RequestHandler<S3BatchEventV2, S3BatchResponse> {
    private final Settings settings;
    private final PublishHandler.Renderers renderers;

    public BackfillHandler() {
        this(System.getenv());
    }

    public BackfillHandler(Map<String, String> env) {
        // At a cold start the S3 client and the renderers cost about the same CPU: build them side by side.
        ParallelInit<S3Client> s3 = ParallelInit.start("S3 client", () -> S3Clients.fromEnv(env));
        this.renderers = PublishHandler.Renderers.fromEnv(Site.fromEnv(env), env);
        this.settings = Settings.fromEnv(env, s3.join());
    }

    @Override
    public S3BatchResponse handleRequest(S3BatchEventV2 event, Context context) {
        EventLog log = new EventLog(line -> context.getLogger().log(line + "\n"));
        Map<String, String> arguments = event.getJob() == null || event.getJob().getUserArguments() == null
                ? Map.of() : event.getJob().getUserArguments();
        boolean onlyCards = Boolean.parseBoolean(arguments.getOrDefault("onlyCards", "false"));
        List<S3BatchResponse.Result> results = new ArrayList<>();
        for (S3BatchEventV2.Task task : event.getTasks()) {
            results.add(run(task, onlyCards, log));
        }
        return S3BatchResponse.fromS3BatchEvent(event).withResults(results)
                .withTreatMissingKeysAs(ResultCode.PermanentFailure).build();
    }

    private S3BatchResponse.Result run(S3BatchEventV2.Task task, boolean onlyCards, EventLog log) {
        var result = S3BatchResponse.Result.builder().withTaskId(task.getTaskId());
        if (!settings.serves(task.getS3Bucket())) {
            return result.withResultCode(ResultCode.PermanentFailure)
                    .withResultString("bucket " + task.getS3Bucket() + " is not served by this function").build();
        }
        // Batch Operations passes keys percent-encoded, as in its CSV manifests.
        String key = URLDecoder.decode(task.getS3Key().replace("+", "%2B"), StandardCharsets.UTF_8);
        try {
            long start = System.nanoTime();
            Outcome outcome = renderers.publisher(new S3Store(settings.s3(), task.getS3Bucket()), log)
                    .backfill(key, OffsetDateTime.now(ZoneOffset.UTC), onlyCards);
            log.outcome(key, outcome, (System.nanoTime() - start) / 1_000_000);
            return result.withResultCode(outcome.kind() == Outcome.Kind.REJECTED ? ResultCode.PermanentFailure : ResultCode.Succeeded)
                    .withResultString(outcome.kind().name().toLowerCase() + (outcome.detail().isEmpty() ? "" : ": " + outcome.detail()))
                    .build();
        } catch (SdkException e) {
            return result.withResultCode(ResultCode.TemporaryFailure).withResultString("S3: " + e.getMessage()).build();
        }
    }
}
