package io.masthead.event;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One record of an S3 event notification, decoded: the key URL-decoded as S3 encodes it
 * ({@code +} for a space, {@code %2B} for a plus), the event time as UTC.
 */
public record S3Change(String eventName, String bucket, String key, OffsetDateTime eventTime, String sequencer) {

    public static S3Change of(S3EventNotificationRecord record) {
        var s3 = record.getS3();
        OffsetDateTime time = record.getEventTime() == null
                ? OffsetDateTime.now(ZoneOffset.UTC)
                : OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.getEventTime().getMillis()), ZoneOffset.UTC);
        String sequencer = s3.getObject().getSequencer();
        return new S3Change(record.getEventName(), s3.getBucket().getName(), s3.getObject().getUrlDecodedKey(),
                time, sequencer == null ? "" : sequencer);
    }

    public boolean created() {
        return eventName != null && eventName.startsWith("ObjectCreated:");
    }

    public boolean removed() {
        return eventName != null && eventName.startsWith("ObjectRemoved:");
    }
}
