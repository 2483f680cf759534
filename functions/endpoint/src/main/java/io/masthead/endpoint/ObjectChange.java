package io.masthead.endpoint;

import java.time.Instant;

/**
 * One change to an object, as S3 reports it in an event notification.
 *
 * @param eventName S3's name without the {@code s3:} prefix, e.g. {@code ObjectCreated:Put},
 *                  {@code ObjectCreated:Copy}, {@code ObjectCreated:CompleteMultipartUpload},
 *                  {@code ObjectRemoved:Delete}
 * @param size      object size in bytes; 0 for removals
 * @param eTag      the ETag without quotes; null for removals
 * @param sequencer hex string, increasing per bucket in the order changes were applied; compare
 *                  with {@link #compareSequencers(String, String)} as S3 documents
 */
public record ObjectChange(String bucket, String key, String eventName, long size, String eTag,
                           Instant eventTime, String sequencer) {

    public boolean created() {
        return eventName.startsWith("ObjectCreated:");
    }

    public boolean removed() {
        return eventName.startsWith("ObjectRemoved:");
    }

    /** S3's rule: pad the shorter with leading zeros, then compare as strings. */
    public static int compareSequencers(String a, String b) {
        int width = Math.max(a.length(), b.length());
        return pad(a, width).compareToIgnoreCase(pad(b, width));
    }

    private static String pad(String s, int width) {
        return "0".repeat(width - s.length()) + s;
    }
}
