package io.masthead.endpoint;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes S3's conditional writes atomic and reports every object change.
 *
 * <p>S3Proxy checks {@code If-Match} before it writes, outside any lock, so two writers holding
 * the same ETag can both succeed and one update is lost. Every write here runs under a lock for
 * its key and re-checks {@code If-Match} / {@code If-None-Match} inside it, answering 412
 * PreconditionFailed (404 NoSuchKey for {@code If-Match} on a missing key) as S3 does. The lock
 * is striped and reentrant, so {@link ConditionalRequestGate} can hold it across S3Proxy's own
 * check for the operations whose conditions never reach the store (conditional delete,
 * {@code If-Match} on multipart completion).
 */
final class ConditionalWriteBlobStore extends ForwardingBlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConditionalWriteBlobStore.class);
    private static final int STRIPES = 256;
    /** S3Proxy keeps multipart bookkeeping under these keys; S3 would show none of it. */
    private static final String HIDDEN_PREFIX = ".s3proxy-mpu-stub-";

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final Map<String, Sequencer> sequencers = new ConcurrentHashMap<>();
    private final List<ObjectChangeListener> listeners = new CopyOnWriteArrayList<>();

    ConditionalWriteBlobStore(BlobStore delegate) {
        super(delegate);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    void addListener(ObjectChangeListener listener) {
        listeners.add(listener);
    }

    void removeListener(ObjectChangeListener listener) {
        listeners.remove(listener);
    }

    /** Whether the key holds an object now; for callers holding its lock. */
    boolean exists(String bucket, String key) {
        return delegate().blobMetadataIfPresent(bucket, key) != null;
    }

    /** The lock guarding writes to one key. Reentrant: the holder may write the key. */
    ReentrantLock lockFor(String bucket, String key) {
        return locks[Math.floorMod((bucket + '/' + key).hashCode(), STRIPES)];
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        return underLock(request.bucket(), request.key(), () -> {
            checkWriteConditions(request.bucket(), request.key(), request.ifMatch(),
                    request.ifNoneMatch());
            PutObjectResponse response = delegate().putBlob(request, payload);
            announceCreated(request.bucket(), request.key(), "ObjectCreated:Put");
            return response;
        });
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return underLock(request.destinationBucket(), request.destinationKey(), () -> {
            CopyObjectResponse response = delegate().copyBlob(request);
            announceCreated(request.destinationBucket(), request.destinationKey(),
                    "ObjectCreated:Copy");
            return response;
        });
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        return underLock(upload.containerName(), upload.blobName(), () -> {
            checkWriteConditions(upload.containerName(), upload.blobName(), request.ifMatch(),
                    request.ifNoneMatch());
            CompleteMultipartUploadResponse response =
                    delegate().completeMultipartUpload(upload, request);
            announceCreated(upload.containerName(), upload.blobName(),
                    "ObjectCreated:CompleteMultipartUpload");
            return response;
        });
    }

    /** Also serves multi-object delete, whose default implementation deletes key by key here. */
    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return underLock(request.bucket(), request.key(), () -> {
            HeadObjectResponse current = delegate().blobMetadataIfPresent(request.bucket(),
                    request.key());
            if (current != null && request.ifMatch() != null && !"*".equals(request.ifMatch())
                    && !sameETag(request.ifMatch(), current.eTag())) {
                throw S3Exceptions.preconditionFailed(null);
            }
            DeleteObjectResponse response = delegate().removeBlob(request);
            if (current != null) {
                announce(new ObjectChange(request.bucket(), request.key(), "ObjectRemoved:Delete",
                        0, null, Instant.now(), sequencer(request.bucket()).next()));
            }
            return response;
        });
    }

    private void checkWriteConditions(String bucket, String key, String ifMatch, String ifNoneMatch) {
        if (ifMatch == null && ifNoneMatch == null) {
            return;
        }
        HeadObjectResponse current = delegate().blobMetadataIfPresent(bucket, key);
        if (ifMatch != null) {
            if (current == null) {
                throw S3Exceptions.noSuchKey(bucket, key, "If-Match on a missing object");
            }
            if (!"*".equals(ifMatch) && !sameETag(ifMatch, current.eTag())) {
                throw S3Exceptions.preconditionFailed(null);
            }
        }
        if (ifNoneMatch != null && current != null
                && ("*".equals(ifNoneMatch) || sameETag(ifNoneMatch, current.eTag()))) {
            throw S3Exceptions.preconditionFailed(null);
        }
    }

    private void announceCreated(String bucket, String key, String eventName) {
        if (listeners.isEmpty()) {
            return;
        }
        HeadObjectResponse written = delegate().blobMetadataIfPresent(bucket, key);
        long size = written == null || written.contentLength() == null ? 0 : written.contentLength();
        String eTag = written == null ? null : unquote(written.eTag());
        announce(new ObjectChange(bucket, key, eventName, size, eTag, Instant.now(),
                sequencer(bucket).next()));
    }

    private void announce(ObjectChange change) {
        if (change.key().startsWith(HIDDEN_PREFIX)) {
            return;
        }
        for (ObjectChangeListener listener : listeners) {
            try {
                listener.objectChanged(change);
            } catch (RuntimeException e) {
                // A listener's failure must not turn a completed write into an error response.
                LOG.error("object change listener failed for {}", change, e);
            }
        }
    }

    private Sequencer sequencer(String bucket) {
        return sequencers.computeIfAbsent(bucket, b -> new Sequencer());
    }

    private <T> T underLock(String bucket, String key, Supplier<T> write) {
        ReentrantLock lock = lockFor(bucket, key);
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    static boolean sameETag(String a, String b) {
        return a != null && b != null && unquote(a).equals(unquote(b));
    }

    static String unquote(String eTag) {
        if (eTag == null) {
            return null;
        }
        String e = eTag.startsWith("W/") ? eTag.substring(2) : eTag;
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")
                ? e.substring(1, e.length() - 1) : e;
    }
}
