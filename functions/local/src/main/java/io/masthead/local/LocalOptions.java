package io.masthead.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the template locally.
 *
 * @param dataDir          where the bucket's files live; null keeps them in memory
 * @param parameters       template parameter overrides, e.g. {@code SiteUrl}; {@code BucketName} is {@code bucket}
 * @param retryDelay       delay before the first retry of a failed asynchronous invocation (Lambda: about a minute)
 * @param redeliveryDelay  how long a failed queue message stays invisible (the queue's visibility timeout on AWS)
 * @param asyncConcurrency invocations of S3-triggered functions that may run at once
 */
public record LocalOptions(Path template, int port, String bucket, Path dataDir, Map<String, String> parameters,
                           boolean verbose, Duration retryDelay, Duration redeliveryDelay, int asyncConcurrency,
                           PrintStream out) {
    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_BUCKET = "masthead";

    public LocalOptions {
        parameters = Map.copyOf(parameters);
    }

    public static LocalOptions defaults(Path template, PrintStream out) {
        return new LocalOptions(template, DEFAULT_PORT, DEFAULT_BUCKET, null, Map.of(), false,
                Duration.ofSeconds(1), Duration.ofSeconds(2), 2, out);
    }

    public LocalOptions withPort(int port) {
        return new LocalOptions(template, port, bucket, dataDir, parameters, verbose, retryDelay, redeliveryDelay,
                asyncConcurrency, out);
    }

    public LocalOptions withBucket(String bucket) {
        return new LocalOptions(template, port, bucket, dataDir, parameters, verbose, retryDelay, redeliveryDelay,
                asyncConcurrency, out);
    }

    public LocalOptions withDataDir(Path dataDir) {
        return new LocalOptions(template, port, bucket, dataDir, parameters, verbose, retryDelay, redeliveryDelay,
                asyncConcurrency, out);
    }

    public LocalOptions withParameters(Map<String, String> parameters) {
        return new LocalOptions(template, port, bucket, dataDir, parameters, verbose, retryDelay, redeliveryDelay,
                asyncConcurrency, out);
    }

    public LocalOptions withVerbose(boolean verbose) {
        return new LocalOptions(template, port, bucket, dataDir, parameters, verbose, retryDelay, redeliveryDelay,
                asyncConcurrency, out);
    }

    public LocalOptions withDelays(Duration retryDelay, Duration redeliveryDelay) {
        return new LocalOptions(template, port, bucket, dataDir, parameters, verbose, retryDelay, redeliveryDelay,
                asyncConcurrency, out);
    }
}
