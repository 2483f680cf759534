package io.masthead.endpoint;

import jakarta.servlet.DispatcherType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * An S3-compatible endpoint inside this JVM: S3Proxy on 127.0.0.1, path-style, any access key
 * accepted, one bucket created on start, conditional writes made atomic, every object change
 * reported to listeners. Stop it with {@link #close()}.
 *
 * <pre>{@code
 * try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.inMemory("masthead"))) {
 *     S3Client s3 = endpoint.newClient();
 *     ...
 * }
 * }</pre>
 */
public final class S3Endpoint implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final Region REGION = Region.US_EAST_1;

    private final S3Proxy proxy;
    private final ConditionalWriteBlobStore store;
    private final EndpointOptions options;
    private final URI uri;

    private S3Endpoint(S3Proxy proxy, ConditionalWriteBlobStore store, EndpointOptions options) {
        this.proxy = proxy;
        this.store = store;
        this.options = options;
        this.uri = URI.create("http://" + HOST + ":" + proxy.getPort());
    }

    public static S3Endpoint start(EndpointOptions options) {
        return start(options, List.of());
    }

    /** Starts the endpoint, serving {@code routes} beside the S3 API on the same port. */
    public static S3Endpoint start(EndpointOptions options, List<Route> routes) {
        QuietLogging.apply();
        BlobStore base;
        if (options.inMemory()) {
            base = new TransientNio2BlobStore();
        } else {
            try {
                Files.createDirectories(options.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + options.dataDir(), e);
            }
            base = new FilesystemNio2BlobStore(options.dataDir().toAbsolutePath().toString());
        }
        var store = new ConditionalWriteBlobStore(base);
        if (!store.containerExists(options.bucket())) {
            store.createContainer(options.bucket());
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + HOST + ":" + options.port()))
                // Any access key is accepted, as a local stand-in should.
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .stopTimeout(0)
                .build();
        ServletContextHandler context = servletContext(proxy);
        context.addFilter(new ConditionalRequestGate(store), "/*", EnumSet.of(DispatcherType.REQUEST));
        for (Route route : routes) {
            context.addServlet(route.servlet(), route.servletMapping());
        }
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3 endpoint did not start on " + HOST + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        return new S3Endpoint(proxy, store, options);
    }

    /**
     * S3Proxy builds its (shaded) Jetty server privately; the gate and the routes belong in its
     * servlet context, in front of and beside S3Proxy's own servlet.
     */
    private static ServletContextHandler servletContext(S3Proxy proxy) {
        Server server;
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            server = (Server) field.get(proxy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this S3Proxy version hides its Jetty server differently", e);
        }
        for (Handler handler = server.getHandler(); handler != null; ) {
            if (handler instanceof ServletContextHandler context) {
                return context;
            }
            handler = handler instanceof Handler.Wrapper wrapper ? wrapper.getHandler() : null;
        }
        throw new IllegalStateException("S3Proxy's Jetty server has no servlet context");
    }

    /** e.g. {@code http://127.0.0.1:4566} */
    public URI uri() {
        return uri;
    }

    public int port() {
        return uri.getPort();
    }

    public String bucket() {
        return options.bucket();
    }

    /** Path-style URL of the bucket, the local stand-in for a public base URL. */
    public String bucketUrl() {
        return uri + "/" + options.bucket();
    }

    public EndpointOptions options() {
        return options;
    }

    /** Where an object of the bucket lives on disk; empty for an in-memory endpoint. */
    public java.util.Optional<Path> fileOf(String key) {
        return options.inMemory() ? java.util.Optional.empty()
                : java.util.Optional.of(options.dataDir().resolve(options.bucket()).resolve(key));
    }

    public void addListener(ObjectChangeListener listener) {
        store.addListener(listener);
    }

    public void removeListener(ObjectChangeListener listener) {
        store.removeListener(listener);
    }

    /**
     * The environment a Lambda handler needs to use this endpoint: {@code AWS_ENDPOINT_URL_S3},
     * {@code AWS_REGION} and placeholder credentials (any key is accepted).
     */
    public Map<String, String> clientEnvironment() {
        return Map.of(
                "AWS_ENDPOINT_URL_S3", uri.toString(),
                "AWS_REGION", REGION.id(),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local");
    }

    /** A new SDK client for this endpoint; the caller closes it. */
    public S3Client newClient() {
        return newClient(uri);
    }

    /**
     * An SDK client for a local endpoint: URL-connection HTTP client, path-style, chunked
     * encoding off (over plain http the SDK's aws-chunked bodies make S3Proxy answer before the
     * body ends), placeholder credentials.
     */
    public static S3Client newClient(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(REGION)
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .build();
    }

    /** Stops serving at once; requests in flight are cut off. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3 endpoint did not stop cleanly", e);
        } finally {
            store.close();
        }
    }
}
