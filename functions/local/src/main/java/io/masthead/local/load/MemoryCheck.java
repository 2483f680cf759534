package io.masthead.local.load;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.masthead.endpoint.EndpointOptions;
import io.masthead.endpoint.S3Endpoint;
import io.masthead.event.PublishHandler;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Memory over many publishes in one container: one PublishHandler instance publishes a few
 * articles again and again, each time with a new headline (so new cards replace the old ones and
 * the bucket does not grow), and the heap after a full GC is sampled at ten checkpoints. Bounded
 * means the last checkpoints are no higher than the first after warm-up, give or take GC noise.
 */
public final class MemoryCheck {
    private static final int ARTICLES = 3;
    /** Heap after GC may wander this much without counting as growth. */
    private static final long NOISE_MB = 24;

    private MemoryCheck() {
    }

    public record Result(int publishes, double msPerPublish, List<Long> heapAfterGcMb) {
        /** Growth from the lowest checkpoint after warm-up (the second) to the highest of the last three. */
        public long growthMb() {
            List<Long> later = heapAfterGcMb.subList(Math.max(1, heapAfterGcMb.size() - 3), heapAfterGcMb.size());
            long low = heapAfterGcMb.subList(1, heapAfterGcMb.size()).stream().min(Long::compare).orElse(0L);
            return later.stream().max(Long::compare).orElse(0L) - low;
        }

        public boolean bounded() {
            return heapAfterGcMb.size() >= 3 && growthMb() <= NOISE_MB;
        }

        public String describe() {
            return String.format(Locale.ROOT, "memory: %d sequential publishes in one handler instance, %.0f ms each; heap after GC at each tenth: %s MB; growth %d MB: %s",
                    publishes, msPerPublish, heapAfterGcMb, growthMb(), bounded() ? "bounded" : "GROWING");
        }
    }

    public static Result run(int publishes, PrintStream progress) throws Exception {
        try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.inMemory("masthead"));
             S3Client s3 = endpoint.newClient()) {
            Map<String, String> env = new HashMap<>(endpoint.clientEnvironment());
            env.put("BUCKET_NAME", "masthead");
            env.put("SITE_URL", LoadArticles.SITE_URL);
            env.put("PUBLIC_BASE_URL", endpoint.bucketUrl());
            PublishHandler handler = new PublishHandler(env);
            Context context = new BenchContext();
            for (int a = 0; a < ARTICLES; a++) {
                byte[] photo = LoadArticles.photo(1600, 1000, a);
                String key = "photos/memory-" + a + ".jpg";
                s3.putObject(b -> b.bucket("masthead").key(key), RequestBody.fromBytes(photo));
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<Long> samples = new ArrayList<>();
            int every = Math.max(1, publishes / 10);
            long start = System.nanoTime();
            for (int i = 0; i < publishes; i++) {
                int a = i % ARTICLES;
                String key = "articles/memory-" + a + ".json";
                String json = String.format(Locale.ROOT, "{\"headline\": \"Edition %d of story %d\", \"section\": \"World\","
                        + " \"published\": \"2024-03-01T06:00:00Z\", \"updated\": \"%s\", \"photo\": {\"key\": \"photos/memory-%d.jpg\", \"credit\": \"Agency\"}}",
                        i, a, java.time.Instant.parse("2024-03-01T06:00:00Z").plusSeconds(i), a);
                s3.putObject(b -> b.bucket("masthead").key(key), RequestBody.fromString(json, StandardCharsets.UTF_8));
                handler.handleRequest(event(key, i), context);
                if ((i + 1) % every == 0) {
                    memory.gc();
                    memory.gc();
                    samples.add(memory.getHeapMemoryUsage().getUsed() >> 20);
                    progress.printf(Locale.ROOT, "  %d publishes, heap after GC %d MB%n", i + 1, samples.get(samples.size() - 1));
                }
            }
            double ms = (System.nanoTime() - start) / 1e6 / publishes;
            return new Result(publishes, ms, List.copyOf(samples));
        }
    }

    private static S3Event event(String key, int i) {
        var object = new S3EventNotification.S3ObjectEntity(key, 1L, "etag", null, String.format("%016X", i + 1));
        var bucket = new S3EventNotification.S3BucketEntity("masthead", new S3EventNotification.UserIdentityEntity("local"), "arn:aws:s3:::masthead");
        var entity = new S3EventNotification.S3Entity("config", bucket, object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                "2024-03-01T06:00:00.000Z", "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("id2", "request"), entity, new S3EventNotification.UserIdentityEntity("local"));
        return new S3Event(List.of(record));
    }

    /** The context a bench invocation gets; logs are dropped (a thousand JSON lines say nothing here). */
    private static final class BenchContext implements Context {
        private final LambdaLogger logger = new LambdaLogger() {
            @Override public void log(String message) { }
            @Override public void log(byte[] message) { }
        };

        @Override public String getAwsRequestId() { return "bench"; }
        @Override public String getLogGroupName() { return "/aws/lambda/bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "PublishFunction"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:PublishFunction"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 60_000; }
        @Override public int getMemoryLimitInMB() { return 2048; }
        @Override public LambdaLogger getLogger() { return logger; }
    }
}
