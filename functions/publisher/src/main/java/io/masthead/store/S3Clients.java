package io.masthead.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the S3 client: URL-connection HTTP client, region from {@code AWS_REGION}, endpoint
 * from {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} with path-style access when set
 * (and then the access key given in the same environment, as a local endpoint needs).
 * On AWS the credentials provider is the one the environment names (see {@link #awsCredentials}).
 */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client fromEnv(Map<String, String> env) {
        String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_S3", env.get("AWS_ENDPOINT_URL"));
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        if (endpoint == null || endpoint.isBlank()) {
            return build(null, Region.of(region), awsCredentials(env), env);
        }
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        AwsCredentialsProvider credentials = key != null && secret != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))
                : DefaultCredentialsProvider.builder().build();
        return build(URI.create(endpoint), Region.of(region), credentials, env);
    }

    /**
     * The provider Lambda's environment calls for, instead of the default chain, which tries
     * providers in turn and so costs a cold start about 140 more classes: the container endpoint
     * when {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} is set (how SnapStart functions get their
     * role's credentials), else the access key in the environment (on-demand functions), else the
     * default chain. Each reads its credentials when a request first needs them, not when built,
     * so a SnapStart snapshot holds none and a restored function fetches its own.
     */
    static AwsCredentialsProvider awsCredentials(Map<String, String> env) {
        if (isSet(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI")) return ContainerCredentialsProvider.builder().build();
        if (isSet(env, "AWS_ACCESS_KEY_ID") && isSet(env, "AWS_SECRET_ACCESS_KEY")) return EnvironmentVariableCredentialsProvider.create();
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /** A client for a local or custom endpoint, or for AWS when {@code endpoint} is null. */
    public static S3Client build(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return build(endpoint, region, credentials, Map.of());
    }

    /**
     * As {@link #build(URI, Region, AwsCredentialsProvider)}, with the retry settings read from
     * {@code env}: {@code S3_MAX_ATTEMPTS} (default 5) and {@code S3_ATTEMPT_TIMEOUT_MS} (default 10000).
     */
    public static S3Client build(URI endpoint, Region region, AwsCredentialsProvider credentials, Map<String, String> env) {
        int attempts = Integer.parseInt(env.getOrDefault("S3_MAX_ATTEMPTS", "5").trim());
        Duration attemptTimeout = Duration.ofMillis(Long.parseLong(env.getOrDefault("S3_ATTEMPT_TIMEOUT_MS", "10000").trim()));
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(attemptTimeout))
                // 5xx, SlowDown, throttling and I/O errors are retried with jittered exponential backoff
                // (throttling with a longer base); a hung request is cut at the attempt timeout and retried,
                // so an invocation fails whole well inside the function timeout instead of hanging.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build())
                        .apiCallAttemptTimeout(attemptTimeout)
                        .build())
                .credentialsProvider(credentials)
                .region(region);
        if (endpoint != null) {
            // Path-style for local endpoints; chunked encoding off because over plain http the
            // SDK's aws-chunked bodies make S3Proxy answer before the body ends (DESIGN.md).
            builder.endpointOverride(endpoint).serviceConfiguration(S3Configuration.builder()
                    .pathStyleAccessEnabled(true)
                    .chunkedEncodingEnabled(!"http".equals(endpoint.getScheme()))
                    .build());
        }
        return builder.build();
    }
}
