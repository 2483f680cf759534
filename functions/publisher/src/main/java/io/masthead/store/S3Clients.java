package io.masthead.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.util.Map;

/**
 * Builds the S3 client: URL-connection HTTP client, region from {@code AWS_REGION}, endpoint
 * from {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} with path-style access when set
 * (and then the access key given in the same environment, as a local endpoint needs).
 */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client fromEnv(Map<String, String> env) {
        String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_S3", env.get("AWS_ENDPOINT_URL"));
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        if (endpoint == null || endpoint.isBlank()) {
            // On AWS: the default chain, which SnapStart-restored functions re-read after restore.
            return build(null, Region.of(region), DefaultCredentialsProvider.builder().build());
        }
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        AwsCredentialsProvider credentials = key != null && secret != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))
                : DefaultCredentialsProvider.builder().build();
        return build(URI.create(endpoint), Region.of(region), credentials);
    }

    /** A client for a local or custom endpoint, or for AWS when {@code endpoint} is null. */
    public static S3Client build(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
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
