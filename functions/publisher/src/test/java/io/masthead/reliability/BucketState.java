package io.masthead.reliability;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What a bucket holds: every key with its ETag, or with its bytes when compared byte for byte. */
final class BucketState {
    private BucketState() {
    }

    /** Key to ETag for every key the filter accepts. */
    static Map<String, String> etags(S3Client s3, String bucket, Predicate<String> keys) {
        Map<String, String> out = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            if (keys.test(o.key())) out.put(o.key(), o.eTag());
        }
        return out;
    }

    /** The outputs: everything but the newsroom's inputs. */
    static Map<String, String> outputs(S3Client s3, String bucket) {
        return etags(s3, bucket, k -> !k.startsWith("articles/") && !k.startsWith("photos/"));
    }

    /** Key to content for every key, for byte-for-byte comparison. */
    static Map<String, Bytes> contents(S3Client s3, String bucket) {
        Map<String, Bytes> out = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            out.put(o.key(), new Bytes(s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray()));
        }
        return out;
    }

    /** Bytes with value equality and a short description for failure messages. */
    record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(value);
                return value.length + " bytes, sha256 " + java.util.HexFormat.of().formatHex(d, 0, 6);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
