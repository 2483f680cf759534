package io.masthead.endpoint;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * JUnit 5 extension: one in-memory endpoint per test class, with an SDK client for it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestEndpoint S3 = new TestEndpoint("test-bucket");
 *
 * @Test void writes() {
 *     S3.client().putObject(b -> b.bucket(S3.bucket()).key("a"), RequestBody.fromString("x"));
 * }
 * }</pre>
 *
 * <p>Objects stay between the class's tests; call {@link #clear()} in {@code @BeforeEach} for a
 * clean bucket. {@link #changes()} lists the object changes seen since start or {@code clear()}.
 */
public final class TestEndpoint implements BeforeAllCallback, AfterAllCallback {
    private final String bucket;
    private final List<ObjectChange> changes = new CopyOnWriteArrayList<>();
    private S3Endpoint endpoint;
    private S3Client client;

    public TestEndpoint() {
        this("test-bucket");
    }

    public TestEndpoint(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        endpoint = S3Endpoint.start(EndpointOptions.inMemory(bucket));
        endpoint.addListener(changes::add);
        client = endpoint.newClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    public S3Endpoint endpoint() {
        return running();
    }

    public S3Client client() {
        running();
        return client;
    }

    public String bucket() {
        return bucket;
    }

    public URI uri() {
        return running().uri();
    }

    /**
     * What a handler constructed with an environment map needs: the endpoint variables plus
     * {@code BUCKET} and {@code PUBLIC_BASE_URL} pointing at this bucket.
     */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>(running().clientEnvironment());
        env.put("BUCKET", bucket);
        env.put("PUBLIC_BASE_URL", running().bucketUrl());
        return env;
    }

    /** Object changes applied since start or the last {@link #clear()}, in order. */
    public List<ObjectChange> changes() {
        return List.copyOf(changes);
    }

    /** Deletes every object in the bucket and forgets the recorded changes. */
    public void clear() {
        List<ObjectIdentifier> keys = new ArrayList<>();
        for (S3Object object : client().listObjectsV2Paginator(
                ListObjectsV2Request.builder().bucket(bucket).build()).contents()) {
            keys.add(ObjectIdentifier.builder().key(object.key()).build());
        }
        for (int i = 0; i < keys.size(); i += 1000) {
            List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + 1000));
            client.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).build()));
        }
        changes.clear();
    }

    private S3Endpoint running() {
        if (endpoint == null) {
            throw new IllegalStateException(
                    "TestEndpoint is not running: register it with @RegisterExtension on a static field");
        }
        return endpoint;
    }
}
