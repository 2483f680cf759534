package io.masthead.endpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start an {@link S3Endpoint}: the port on 127.0.0.1 (0 picks a free one), the bucket
 * created on start, and where objects live: a directory a person can browse (objects are plain
 * files under {@code dataDir/bucket/key}) or, when {@code dataDir} is null, memory only.
 */
public record EndpointOptions(int port, String bucket, Path dataDir) {

    public EndpointOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(bucket, "bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("not a valid S3 bucket name: " + bucket);
        }
    }

    /** In-memory store on a free port: for tests. */
    public static EndpointOptions inMemory(String bucket) {
        return new EndpointOptions(0, bucket, null);
    }

    /** Filesystem store under {@code dataDir}. */
    public static EndpointOptions onDisk(int port, String bucket, Path dataDir) {
        return new EndpointOptions(port, bucket, Objects.requireNonNull(dataDir, "dataDir"));
    }

    public boolean inMemory() {
        return dataDir == null;
    }
}
