package io.masthead.local.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) as the Lambda service offers it to a runtime, on
 * 127.0.0.1: the runtime long-polls {@code invocation/next}, gets an event, and posts the
 * response or error. The real runtime interface client talks to it exactly as it talks to
 * Lambda, so the JVM under test runs the managed runtime's own code path. Timestamps are taken
 * here, outside the measured JVM.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    /** One invocation as seen from the service side: event handed over to result received. */
    record Invocation(String requestId, long sentNanos, long doneNanos, boolean failed, String body) {
        long millis() {
            return (doneNanos - sentNanos) / 1_000_000;
        }
    }

    private record Pending(String requestId, byte[] event) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionName;
    private final BlockingQueue<Long> polls = new LinkedBlockingQueue<>();
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Invocation>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private volatile boolean closed;

    private RuntimeApi(HttpServer server, ExecutorService executor, String functionName) {
        this.server = server;
        this.executor = executor;
        this.functionName = functionName;
    }

    static RuntimeApi start(String functionName) {
        // The JDK's server writes a response's headers and body separately; with Nagle's algorithm
        // on, the body then waits for the runtime's delayed ACK, adding about 40 ms to every
        // invocation that Lambda's own Runtime API does not. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "runtime-api");
                t.setDaemon(true);
                return t;
            });
            RuntimeApi api = new RuntimeApi(server, executor, functionName);
            server.createContext(PREFIX, api::handle);
            server.setExecutor(executor);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the runtime API stand-in", e);
        }
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Waits for the runtime's first {@code invocation/next}: the handler is constructed and the
     * runtime is ready for work (Lambda's Init phase is over).
     *
     * @return the {@link System#nanoTime()} of that request
     */
    long awaitReady(Process runtime, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long at = polls.poll(20, TimeUnit.MILLISECONDS);
            if (at != null) return at;
            if (initError.isDone()) throw new IllegalStateException("init error: " + initError.getNow(""));
            if (!runtime.isAlive()) throw new IllegalStateException("the runtime exited with " + runtime.exitValue() + " during init");
        }
        throw new IllegalStateException("the runtime did not ask for an invocation within " + timeout);
    }

    /** Hands {@code event} to the waiting runtime and waits for its response or error. */
    Invocation invoke(byte[] event, Process runtime, Duration timeout) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Invocation> result = new CompletableFuture<>();
        results.put(id, result);
        pending.put(new Pending(id, event));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return result.get(20, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (!runtime.isAlive()) throw new IllegalStateException("the runtime exited with " + runtime.exitValue() + " during an invocation");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        throw new IllegalStateException("no response within " + timeout);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && exchange.getRequestMethod().equals("POST")) {
                long done = System.nanoTime();
                String rest = path.substring("invocation/".length());
                int slash = rest.indexOf('/');
                String id = rest.substring(0, slash);
                boolean failed = rest.endsWith("/error");
                String body = new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8);
                CompletableFuture<Invocation> result = results.remove(id);
                reply(exchange, result == null ? 400 : 202, "{\"status\":\"OK\"}");
                if (result != null) result.complete(new Invocation(id, sent.remove(id), done, failed, body));
            } else if (path.equals("init/error")) {
                String body = new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8);
                reply(exchange, 202, "{\"status\":\"OK\"}");
                initError.complete(body);
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"not part of the runtime API\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        polls.add(System.nanoTime());
        Pending invocation = null;
        try {
            while (invocation == null && !closed) invocation = pending.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) return; // shutting down: the runtime is about to be stopped
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN + functionName);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        sent.put(invocation.requestId(), System.nanoTime());
        exchange.sendResponseHeaders(200, invocation.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
