package io.masthead.event;

import io.masthead.site.Site;
import io.masthead.store.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Map;

/**
 * What every function reads from its environment once per container: the site settings, the
 * bucket it serves and the S3 client.
 */
record Settings(Site site, String bucket, S3Client s3) {

    static Settings fromEnv(Map<String, String> env) {
        return fromEnv(env, S3Clients.fromEnv(env));
    }

    /** As {@link #fromEnv(Map)}, with an S3 client already built from {@code env}. */
    static Settings fromEnv(Map<String, String> env, S3Client s3) {
        return new Settings(Site.fromEnv(env), env.getOrDefault("BUCKET_NAME", ""), s3);
    }

    /** Events from another bucket are refused: a function acts only on the bucket it was deployed for. */
    boolean serves(String eventBucket) {
        return bucket.isEmpty() || bucket.equals(eventBucket);
    }
}
