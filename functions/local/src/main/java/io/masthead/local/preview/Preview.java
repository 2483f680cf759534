package io.masthead.local.preview;

import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.ObjectChangeListener;
import io.masthead.endpoint.Route;
import io.masthead.endpoint.S3Endpoint;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The preview of everything published: served live at {@code /_preview/} on the endpoint's own
 * port (pass {@link #route()} to the deployment, then {@link #connect(S3Endpoint)} once it runs),
 * or written once as a static page.
 */
public final class Preview implements AutoCloseable {
    public static final String PATH = "/_preview/";
    private final ChangeSignal changes = new ChangeSignal();
    private final AtomicReference<PreviewServlet.PreviewState> state = new AtomicReference<>();
    private final Route route = new Route(PATH, new PreviewServlet(state::get, changes));
    private final ObjectChangeListener listener = this::objectChanged;
    private S3Endpoint endpoint;
    private S3Client client;

    public Route route() {
        return route;
    }

    /** Starts showing {@code endpoint}'s bucket and following its changes. */
    public synchronized Preview connect(S3Endpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newClient();
        String bucket = endpoint.bucket();
        state.set(new PreviewServlet.PreviewState(new PreviewPage(bucket, "/" + bucket + "/"),
                new BucketReader(client, bucket)));
        endpoint.addListener(listener);
        return this;
    }

    /** e.g. {@code http://127.0.0.1:4566/_preview/} */
    public static String url(S3Endpoint endpoint) {
        return endpoint.uri() + PATH;
    }

    private void objectChanged(ObjectChange change) {
        // Share metadata appears when an article is published; feeds follow a moment later.
        if (change.key().startsWith("share/") || change.key().startsWith("feeds/")) {
            changes.changed();
        }
    }

    /**
     * Writes the preview of {@code bucket} to {@code file} as a page that needs no server: the
     * images are read from {@code objectBase} (e.g. {@code ../masthead/}, the bucket's folder).
     */
    public static Path writeStatic(S3Client s3, String bucket, String objectBase, Path file) {
        BucketReader reader = new BucketReader(s3, bucket);
        String html = new PreviewPage(bucket, objectBase).page(reader.articles(), false);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the preview to " + file, e);
        }
        return file;
    }

    @Override
    public synchronized void close() {
        changes.close();
        if (endpoint != null) {
            endpoint.removeListener(listener);
        }
        if (client != null) {
            client.close();
        }
    }
}
