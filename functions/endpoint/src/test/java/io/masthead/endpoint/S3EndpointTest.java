package io.masthead.endpoint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3EndpointTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("endpoint-test");

    private S3Client s3;
    private String bucket;

    @BeforeEach
    void clean() {
        S3.clear();
        s3 = S3.client();
        bucket = S3.bucket();
    }

    @Test
    void keepsContentTypeCacheControlAndBytes() {
        s3.putObject(b -> b.bucket(bucket).key("share/a b+c é.html")
                        .contentType("text/html; charset=utf-8").cacheControl("public, max-age=300"),
                RequestBody.fromString("<p>hello</p>"));

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("share/a b+c é.html"));
        assertEquals("<p>hello</p>", got.asUtf8String());
        assertEquals("text/html; charset=utf-8", got.response().contentType(), "stored verbatim, as S3 does");
        assertEquals("public, max-age=300", got.response().cacheControl());
        var head = s3.headObject(b -> b.bucket(bucket).key("share/a b+c é.html"));
        assertEquals("public, max-age=300", head.cacheControl());
        assertEquals("text/html; charset=utf-8", head.contentType());
        assertEquals(12L, head.contentLength());
    }

    @Test
    void listsInPages() {
        for (int i = 0; i < 25; i++) {
            String key = "items/%02d.json".formatted(i);
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}"));
        }
        s3.putObject(b -> b.bucket(bucket).key("other/x"), RequestBody.fromString("x"));

        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).prefix("items/").maxKeys(10)
                    .continuationToken(t));
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            token = page.isTruncated() ? page.nextContinuationToken() : null;
            pages++;
        } while (token != null);

        assertEquals(3, pages);
        assertEquals(25, keys.size());
        assertEquals("items/00.json", keys.get(0));
        assertEquals("items/24.json", keys.get(24));
    }

    @Test
    void completesMultipartUploads() {
        byte[] first = new byte[5 * 1024 * 1024];
        byte[] second = new byte[1024 * 1024 + 7];
        new Random(1).nextBytes(first);
        new Random(2).nextBytes(second);
        String key = "photos/big.bin";

        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .contentType("application/octet-stream").cacheControl("no-cache")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String e2 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build())));

        byte[] whole = new byte[first.length + second.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(second, 0, whole, first.length, second.length);
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        assertArrayEquals(whole, got.asByteArray());
        assertEquals("no-cache", got.response().cacheControl());

        ObjectChange change = S3.changes().get(S3.changes().size() - 1);
        assertEquals("ObjectCreated:CompleteMultipartUpload", change.eventName());
        assertEquals(key, change.key());
        assertEquals(whole.length, change.size());
    }

    @Test
    void conditionalMultipartCompletionAnswers412() {
        String key = "feeds/big.xml";
        String eTag = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("v1")).eTag();
        for (boolean ifNoneMatch : new boolean[] {true, false}) {
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            String part = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                    RequestBody.fromString("v2")).eTag();
            S3Exception e = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> {
                b.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part).build()));
                if (ifNoneMatch) {
                    b.ifNoneMatch("*");
                } else {
                    b.ifMatch("\"0000\"");
                }
            }), ifNoneMatch ? "If-None-Match: *" : "If-Match");
            assertEquals(412, e.statusCode());
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        }
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());

        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        String part = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("v2")).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).ifMatch(eTag)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part).build())));
        assertEquals("v2", s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
    }

    @Test
    void ifNoneMatchStarRefusesAnExistingKey() {
        s3.putObject(b -> b.bucket(bucket).key("feeds/rss.xml").ifNoneMatch("*"), RequestBody.fromString("one"));
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putObject(
                b -> b.bucket(bucket).key("feeds/rss.xml").ifNoneMatch("*"), RequestBody.fromString("two")));
        assertEquals(412, e.statusCode());
        assertEquals("PreconditionFailed", e.awsErrorDetails().errorCode());
        assertEquals("one", s3.getObjectAsBytes(b -> b.bucket(bucket).key("feeds/rss.xml")).asUtf8String());
    }

    @Test
    void ifMatchWritesOnlyOverTheETagRead() {
        String eTag = s3.putObject(b -> b.bucket(bucket).key("feeds/feed.json"), RequestBody.fromString("v1")).eTag();
        s3.putObject(b -> b.bucket(bucket).key("feeds/feed.json").ifMatch(eTag), RequestBody.fromString("v2"));

        S3Exception stale = assertThrows(S3Exception.class, () -> s3.putObject(
                b -> b.bucket(bucket).key("feeds/feed.json").ifMatch(eTag), RequestBody.fromString("v3")));
        assertEquals(412, stale.statusCode());
        assertEquals("v2", s3.getObjectAsBytes(b -> b.bucket(bucket).key("feeds/feed.json")).asUtf8String());

        S3Exception missing = assertThrows(S3Exception.class, () -> s3.putObject(
                b -> b.bucket(bucket).key("feeds/none.json").ifMatch(eTag), RequestBody.fromString("v1")));
        assertEquals(404, missing.statusCode());
    }

    @Test
    void conditionalDeleteHonoursIfMatch() {
        String eTag = s3.putObject(b -> b.bucket(bucket).key("items/a.json"), RequestBody.fromString("a")).eTag();
        S3Exception e = assertThrows(S3Exception.class,
                () -> s3.deleteObject(b -> b.bucket(bucket).key("items/a.json").ifMatch("\"0123\"")));
        assertEquals(412, e.statusCode());
        assertEquals("a", s3.getObjectAsBytes(b -> b.bucket(bucket).key("items/a.json")).asUtf8String());

        s3.deleteObject(b -> b.bucket(bucket).key("items/a.json").ifMatch(eTag));
        assertFalse(exists("items/a.json"));

        S3Exception gone = assertThrows(S3Exception.class,
                () -> s3.deleteObject(b -> b.bucket(bucket).key("items/a.json").ifMatch(eTag)));
        assertEquals(404, gone.statusCode(), "If-Match on a missing object is NoSuchKey, as on S3");
        assertEquals("NoSuchKey", gone.awsErrorDetails().errorCode());
        s3.deleteObject(b -> b.bucket(bucket).key("items/a.json")); // unconditional: idempotent
    }

    @Test
    void reportsEveryChangeWithAnIncreasingSequencer() {
        String eTag = s3.putObject(b -> b.bucket(bucket).key("articles/a.json"), RequestBody.fromString("{\"a\":1}"))
                .eTag();
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("articles/a.json")
                .destinationBucket(bucket).destinationKey("articles/b.json"));
        s3.deleteObject(b -> b.bucket(bucket).key("articles/a.json"));
        s3.deleteObject(b -> b.bucket(bucket).key("articles/never-there.json"));
        s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder()
                .objects(ObjectIdentifier.builder().key("articles/b.json").build()).build()));

        List<ObjectChange> changes = S3.changes();
        assertEquals(List.of("ObjectCreated:Put", "ObjectCreated:Copy", "ObjectRemoved:Delete", "ObjectRemoved:Delete"),
                changes.stream().map(ObjectChange::eventName).toList());
        assertEquals(List.of("articles/a.json", "articles/b.json", "articles/a.json", "articles/b.json"),
                changes.stream().map(ObjectChange::key).toList());
        ObjectChange put = changes.get(0);
        assertEquals(bucket, put.bucket());
        assertEquals(7, put.size());
        assertEquals(ConditionalWriteBlobStore.unquote(eTag), put.eTag());
        assertEquals(7, changes.get(1).size());
        assertNull(changes.get(2).eTag());
        for (int i = 1; i < changes.size(); i++) {
            assertTrue(ObjectChange.compareSequencers(changes.get(i - 1).sequencer(), changes.get(i).sequencer()) < 0,
                    "sequencers increase: " + changes);
            assertFalse(changes.get(i).eventTime().isBefore(changes.get(i - 1).eventTime()));
        }
        assertTrue(changes.get(0).sequencer().matches("[0-9A-F]{18}"));
    }

    @Test
    void readsWithAnyAccessKey() {
        s3.putObject(b -> b.bucket(bucket).key("a"), RequestBody.fromString("x"));
        try (S3Client other = S3Client.builder()
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .region(S3Endpoint.REGION).endpointOverride(S3.uri())
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                        .create("AKIAEXAMPLE", "whatever"))
                .forcePathStyle(true).build()) {
            assertEquals("x", other.getObjectAsBytes(b -> b.bucket(bucket).key("a"))
                    .asString(StandardCharsets.UTF_8));
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
