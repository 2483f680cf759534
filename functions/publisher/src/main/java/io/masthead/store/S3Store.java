package io.masthead.store;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bucket, as the functions see it: whole-object reads and writes with the headers every
 * output needs, listing by prefix, and the conditional writes the feeds rely on.
 */
public final class S3Store {
    private final S3Client s3;
    private final String bucket;

    public S3Store(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** The object, or empty when there is no such key. */
    public Optional<StoredObject> get(String key) {
        return get(key, Integer.MAX_VALUE - 8); // the largest array Java allocates
    }

    /**
     * The object, or empty when there is no such key; one larger than {@code maxBytes} is refused
     * from its Content-Length, before its body is read: an upload of any size must not fill the
     * heap before its size is checked.
     *
     * @throws TooLarge naming its size
     */
    public Optional<StoredObject> get(String key, long maxBytes) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).build();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request)) {
            GetObjectResponse meta = in.response();
            long size = meta.contentLength() == null ? -1 : meta.contentLength();
            if (size > maxBytes) {
                in.abort(); // the body is not wanted: close the connection rather than drain it
                throw new TooLarge(key, size, maxBytes);
            }
            byte[] bytes;
            if (size >= 0) {
                bytes = new byte[(int) size];
                if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) throw new IOException("the body ended before its Content-Length, " + size);
                // reading to the end is also what lets the SDK check the body's checksum
                if (in.read() != -1) throw new IOException("the body runs past its Content-Length, " + size);
            } else {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    in.abort();
                    throw new TooLarge(key, bytes.length, maxBytes);
                }
            }
            return Optional.of(new StoredObject(key, bytes, meta.eTag(), meta.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + " from bucket " + bucket, e);
        }
    }

    /** An object larger than a read allows; {@code size} is at least its length. */
    public static final class TooLarge extends RuntimeException {
        private final long size;

        TooLarge(String key, long size, long limit) {
            super(key + " is " + size + " bytes, more than the " + limit + " read allows");
            this.size = size;
        }

        public long size() {
            return size;
        }
    }

    /** Whether the key exists, without reading it. */
    public boolean exists(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    /** The user metadata of an object, or empty when there is no such key. */
    public Optional<Map<String, String>> metadata(String key) {
        try {
            return Optional.of(s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build()).metadata());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Writes unconditionally; returns the new ETag. */
    public String put(PutRequest put) {
        return s3.putObject(request(put).build(), RequestBody.fromBytes(put.bytes())).eTag();
    }

    /** Writes only if the object still has {@code etag}; returns the new ETag. */
    public String putIfMatch(PutRequest put, String etag) {
        return conditional(put, request(put).ifMatch(etag));
    }

    /** Writes only if the object does not exist yet; returns the new ETag. */
    public String putIfAbsent(PutRequest put) {
        return conditional(put, request(put).ifNoneMatch("*"));
    }

    /** Every key under a prefix, following continuation tokens. */
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                .contents().stream().map(S3Object::key).forEach(keys::add);
        return keys;
    }

    /** Deletes the keys (a missing key is not an error), in batches of 1,000 as S3 allows. */
    public void delete(List<String> keys) {
        for (int i = 0; i < keys.size(); i += 1000) {
            List<ObjectIdentifier> ids = keys.subList(i, Math.min(keys.size(), i + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            var result = s3.deleteObjects(DeleteObjectsRequest.builder().bucket(bucket)
                    .delete(Delete.builder().objects(ids).quiet(true).build()).build());
            if (result.hasErrors() && !result.errors().isEmpty()) {
                var first = result.errors().get(0);
                throw new IllegalStateException("could not delete " + first.key() + ": " + first.code() + " " + first.message());
            }
        }
    }

    private PutObjectRequest.Builder request(PutRequest put) {
        return PutObjectRequest.builder().bucket(bucket).key(put.key())
                .contentType(put.contentType()).cacheControl(put.cacheControl());
    }

    private String conditional(PutRequest put, PutObjectRequest.Builder request) {
        try {
            return s3.putObject(request.build(), RequestBody.fromBytes(put.bytes())).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) throw new PreconditionFailedException(put.key(), e);
            throw e;
        }
    }
}
