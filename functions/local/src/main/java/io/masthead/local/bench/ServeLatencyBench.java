package io.masthead.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.endpoint.S3Endpoint;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code masthead bench serve}: end-to-end latency of the local runner as a user sees it. Starts
 * {@code masthead serve} as its own process, uploads articles one at a time with the SDK (photo
 * first, then the article, as the AWS CLI would), and times each upload until the item is in
 * {@code feeds/feed.json}: the publish function, the item record, the queue with its batching
 * window and the feed function all lie on that path. Prints p50 and p95, then one JSON line.
 */
public final class ServeLatencyBench {
    private static final String BUCKET = "masthead";
    private static final String FEED = "feeds/feed.json";
    private static final long TIMEOUT_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeLatencyBench() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    /** Entry point for {@code masthead bench serve [--uploads 20] [--jar functions/local/target/masthead.jar]}. */
    public static int run(List<String> args) {
        int uploads = 20;
        Path jar = Path.of("functions/local/target/masthead.jar");
        Path events = Path.of("events");
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--uploads" -> uploads = Integer.parseInt(args.get(++i));
                case "--jvm-option" -> jvmOptions.add(args.get(++i));
                case "--jar" -> jar = Path.of(args.get(++i));
                case "--events" -> events = Path.of(args.get(++i));
                default -> {
                    System.err.println("usage: masthead bench serve [--uploads 20] [--jar masthead.jar] [--events DIR] [--jvm-option OPT]...");
                    return 2;
                }
            }
        }
        try {
            List<Double> latencies = measure(jar, events, uploads, jvmOptions);
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p50 = percentile(sorted, 50);
            double p95 = percentile(sorted, 95);
            System.out.printf(Locale.ROOT, "upload to feeds/feed.json updated, %d uploads one at a time: p50 %.0f ms, p95 %.0f ms (min %.0f, max %.0f)%n",
                    sorted.size(), p50, p95, sorted.get(0), sorted.get(sorted.size() - 1));
            System.out.printf(Locale.ROOT, "{\"e2e_p50_ms\": %.0f, \"e2e_p95_ms\": %.0f, \"uploads\": %d}%n", p50, p95, sorted.size());
            return 0;
        } catch (Exception e) {
            System.err.println("bench serve failed: " + e);
            return 1;
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static List<Double> measure(Path jar, Path events, int uploads, List<String> jvmOptions) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        quietClientLogging();
        Path data = Files.createTempDirectory("masthead-bench-serve");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--bucket", BUCKET, "--data", data.toString()));
        long launched = System.nanoTime();
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (S3Client s3 = S3Endpoint.newClient(URI.create("http://127.0.0.1:" + port))) {
            awaitBucket(s3, serve, log);
            System.out.printf(Locale.ROOT, "serve answering %.0f ms after launch (cpu %.0f ms, load %s)%n",
                    (System.nanoTime() - launched) / 1e6, ProcessProbe.cpuMs(serve.pid()), ColdStartBench.loadAverage());
            ObjectNode article = (ObjectNode) JSON.readTree(events.resolve("articles/iraq-coalition-mission.json").toFile());
            String photoKey = article.at("/photo/key").asText();
            String headline = article.path("headline").asText();
            s3.putObject(b -> b.bucket(BUCKET).key(photoKey).contentType("image/jpeg"), RequestBody.fromFile(events.resolve(photoKey)));
            List<Double> latencies = new ArrayList<>();
            for (int i = 1; i <= uploads; i++) {
                String slug = "latency-" + i;
                article.put("headline", "Latency probe " + i + ": " + headline);
                byte[] body = JSON.writeValueAsBytes(article);
                long start = System.nanoTime();
                s3.putObject(b -> b.bucket(BUCKET).key("articles/" + slug + ".json").contentType("application/json"), RequestBody.fromBytes(body));
                while (!feedHolds(s3, "/" + slug + "\"")) {
                    if (System.nanoTime() - start > TIMEOUT_MS * 1_000_000) throw new IllegalStateException(slug + " never reached " + FEED + " (log " + log + ")");
                    if (!serve.isAlive()) throw new IllegalStateException("serve exited (log " + log + ")");
                    Thread.sleep(5);
                }
                double ms = (System.nanoTime() - start) / 1e6;
                latencies.add(ms);
                System.out.printf(Locale.ROOT, "upload %d: %.0f ms%n", i, ms);
            }
            return latencies;
        } finally {
            serve.destroy(); // as Ctrl-C
            if (!serve.waitFor(30, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
    }

    /** The SDK logs every request at DEBUG through the runner's logback unless told otherwise. */
    private static void quietClientLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static boolean feedHolds(S3Client s3, String needle) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(FEED)).asUtf8String().contains(needle);
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private static void awaitBucket(S3Client s3, Process serve, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) throw new IllegalStateException("serve exited at start (log " + log + ")");
            try {
                s3.headBucket(b -> b.bucket(BUCKET));
                return;
            } catch (S3Exception | software.amazon.awssdk.core.exception.SdkClientException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("serve did not answer within 60 s (log " + log + ")");
    }
}
