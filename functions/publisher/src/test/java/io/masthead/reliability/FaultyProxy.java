package io.masthead.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP proxy in front of the S3 endpoint that misbehaves as S3 can: error statuses with S3's
 * error XML (500 InternalError, 503 SlowDown, throttling), connections dropped before or after
 * the request reached the server, requests that hang past the client's timeout, and 412s on
 * conditional writes. What to do with each request is decided by a {@link Plan}.
 */
final class FaultyProxy implements AutoCloseable {
    /** What happens to one request. */
    record Fault(Kind kind, int status, String code) {
        enum Kind { NONE, STATUS, DROP_BEFORE, DROP_AFTER, HANG }

        static final Fault NONE = new Fault(Kind.NONE, 0, "");
        static final Fault INTERNAL_ERROR = new Fault(Kind.STATUS, 500, "InternalError");
        static final Fault SLOW_DOWN = new Fault(Kind.STATUS, 503, "SlowDown");
        static final Fault THROTTLED = new Fault(Kind.STATUS, 429, "TooManyRequests");
        static final Fault PRECONDITION_FAILED = new Fault(Kind.STATUS, 412, "PreconditionFailed");
        /** Not transient: a crashed container, as far as this invocation is concerned. */
        static final Fault ACCESS_DENIED = new Fault(Kind.STATUS, 403, "AccessDenied");
        static final Fault DROP_BEFORE = new Fault(Kind.DROP_BEFORE, 0, "");
        static final Fault DROP_AFTER = new Fault(Kind.DROP_AFTER, 0, "");
        static final Fault HANG = new Fault(Kind.HANG, 0, "");
    }

    /** One request as the plan sees it: its number (from 1), method, object key and whether it is a conditional write. */
    record Request(int number, String method, String key, boolean conditional) {
        boolean write() {
            return method.equals("PUT") || method.equals("DELETE") || (method.equals("POST") && key.isEmpty());
        }
    }

    interface Plan {
        Plan NONE = r -> Fault.NONE;

        Fault decide(Request request);
    }

    private static final Set<String> SKIP_REQUEST = Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");
    private static final Set<String> SKIP_RESPONSE = Set.of("connection", "content-length", "transfer-encoding", "date");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final URI target;
    private final long hangMillis;
    private final AtomicReference<Plan> plan = new AtomicReference<>(Plan.NONE);
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

    FaultyProxy(URI target, long hangMillis) throws IOException {
        this.target = target;
        this.hangMillis = hangMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Sets the plan and starts counting requests (from 1) and injected faults again. */
    void plan(Plan next) {
        requests.set(0);
        if (next != Plan.NONE) injected.clear();
        plan.set(next);
    }

    /** How many faults of each kind the current (or last) plan injected, e.g. {@code STATUS 503 SlowDown=12}. */
    Map<String, Integer> injected() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String prefix = "/" + CorpusCase.BUCKET + "/";
            String key = path.startsWith(prefix) ? URLDecoder.decode(path.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8) : "";
            boolean conditional = ex.getRequestHeaders().containsKey("If-Match") || ex.getRequestHeaders().containsKey("If-None-Match");
            byte[] body = ex.getRequestBody().readAllBytes();
            Fault fault = plan.get().decide(new Request(requests.incrementAndGet(), method, key, conditional));
            if (fault.kind() != Fault.Kind.NONE) {
                injected.computeIfAbsent(fault.kind() + (fault.status() > 0 ? " " + fault.status() + " " + fault.code() : ""),
                        k -> new AtomicInteger()).incrementAndGet();
            }
            switch (fault.kind()) {
                case STATUS -> {
                    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code() + "</Code><Message>injected</Message>"
                            + "<RequestId>FAULT</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/xml");
                    if (method.equals("HEAD")) ex.sendResponseHeaders(fault.status(), -1);
                    else {
                        ex.sendResponseHeaders(fault.status(), xml.length);
                        ex.getResponseBody().write(xml);
                    }
                    return;
                }
                case DROP_BEFORE -> {
                    return; // closing without a response drops the connection
                }
                case HANG -> {
                    sleep(hangMillis);
                    return;
                }
                default -> {
                }
            }
            HttpResponse<byte[]> response = forward(ex, method, body);
            if (fault.kind() == Fault.Kind.DROP_AFTER) return; // the server applied it; the client never hears
            response.headers().map().forEach((name, values) -> {
                if (!SKIP_RESPONSE.contains(name.toLowerCase())) ex.getResponseHeaders().put(name, values);
            });
            byte[] out = response.body();
            boolean noBody = method.equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304 || out.length == 0;
            if (method.equals("HEAD")) {
                response.headers().firstValue("Content-Length").ifPresent(v -> ex.getResponseHeaders().set("Content-Length", v));
            }
            ex.sendResponseHeaders(response.statusCode(), noBody ? -1 : out.length);
            if (!noBody) ex.getResponseBody().write(out);
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange ex, String method, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().getRawPath()
                        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (SKIP_REQUEST.contains(name.toLowerCase())) return;
            for (String v : values) request.header(name, v);
        });
        try {
            return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    static List<Fault> transientFaults() {
        return List.of(Fault.INTERNAL_ERROR, Fault.SLOW_DOWN, Fault.THROTTLED, Fault.DROP_BEFORE, Fault.DROP_AFTER, Fault.HANG);
    }
}
