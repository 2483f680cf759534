package io.masthead.publish;

import io.masthead.endpoint.EndpointOptions;
import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.S3Endpoint;
import io.masthead.feed.FeedItem;
import io.masthead.feed.ItemCodec;
import io.masthead.site.Site;
import io.masthead.store.S3Store;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what one feed batch costs in a bucket holding a small and a large archive: S3
 * requests by operation (counted on the SDK client) and wall time per batch, against the
 * embedded endpoint over HTTP.
 *
 * <pre>
 * FeedCostBench [--archives 100,100000] [--batches 30] [--batch-size 10] [--window 50]
 * </pre>
 * Each archive size gets its own endpoint and bucket holding that many item records (older than
 * anything the batches publish), with feeds filled from the newest of them. Measured batches then
 * alternate between the buckets, so both see the same machine load: each writes
 * {@code batch-size} new item records and applies their events. Only the feed function's requests
 * are counted, not the writes of the records themselves.
 */
public final class FeedCostBench {
    private static final String BUCKET = "bench";
    private static final String[] SECTIONS = {"World", "Business", "Science", "Sport"};

    private FeedCostBench() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    public static int run(List<String> args) {
        List<Integer> archives = List.of(100, 100_000);
        int batches = 30;
        int batchSize = 10;
        int window = 50;
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (args.get(i)) {
                case "--archives" -> archives = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                case "--batches" -> batches = Integer.parseInt(value);
                case "--batch-size" -> batchSize = Integer.parseInt(value);
                case "--window" -> window = Integer.parseInt(value);
                default -> {
                    System.err.println("usage: FeedCostBench [--archives 100,100000] [--batches 30] [--batch-size 10] [--window 50]");
                    return 2;
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        try {
            for (int archive : archives) buckets.add(Bucket.prepare(archive, window, batchSize));
            int warmup = 5;
            for (int b = 0; b < warmup + batches; b++) {
                for (Bucket bucket : buckets) bucket.batch(b, batchSize, b >= warmup);
            }
            System.out.println();
            System.out.printf("%-9s %-15s %-34s %-10s %-8s%n", "archive", "requests/batch", "by operation (per batch)", "median ms", "p90 ms");
            for (Bucket r : buckets) {
                System.out.printf("%-9d %-15.1f %-34s %-10d %-8d%n", r.archive, r.requests / (double) batches,
                        r.operations(batches), r.percentile(0.5), r.percentile(0.9));
            }
            if (buckets.size() >= 2) {
                Bucket small = buckets.get(0);
                Bucket large = buckets.get(buckets.size() - 1);
                System.out.printf("ratio %d/%d: requests %.2fx, median time %.2fx%n", large.archive, small.archive,
                        large.requests / (double) small.requests, large.percentile(0.5) / (double) Math.max(1, small.percentile(0.5)));
            }
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        } finally {
            buckets.forEach(Bucket::close);
        }
    }

    /** Counts requests by SDK operation. */
    static final class RequestCounter implements ExecutionInterceptor {
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String op = context.request().getClass().getSimpleName().replace("Request", "");
            counts.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
        }

        long total() {
            return counts.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /** One endpoint with a bucket holding an archive of a given size, and its measurements. */
    static final class Bucket implements AutoCloseable {
        final int archive;
        final Path dir;
        final S3Endpoint endpoint;
        final RequestCounter counter = new RequestCounter();
        final S3Client s3;
        final FeedUpdater updater;
        final List<ObjectChange> changes = Collections.synchronizedList(new ArrayList<>());
        final List<Long> millis = new ArrayList<>();
        final Map<String, Long> byOperation = new TreeMap<>();
        long requests;

        private Bucket(int archive, int window) throws IOException {
            this.archive = archive;
            this.dir = Files.createTempDirectory("feed-bench");
            this.endpoint = S3Endpoint.start(EndpointOptions.onDisk(0, BUCKET, dir));
            this.s3 = client(endpoint.uri(), counter);
            endpoint.addListener(changes::add);
            Site site = new Site("Bench", "https://news.example.com", "https://cdn.example.com", window, null, null, null);
            this.updater = new FeedUpdater(new S3Store(s3, BUCKET), site);
        }

        static Bucket prepare(int archive, int window, int batchSize) throws IOException {
            Bucket b = new Bucket(archive, window);
            long start = System.nanoTime();
            // The archive goes straight into the endpoint's filesystem store, where objects are plain
            // files: 100,000 uploads over HTTP would take this machine far longer than the
            // measurement. The listing and lookups below show the endpoint serves them.
            Path items = b.dir.resolve(BUCKET).resolve("items");
            Files.createDirectories(items);
            List<FeedItem> newest = new ArrayList<>();
            for (int i = 0; i < archive; i++) {
                FeedItem item = FeedTestItems.item(String.format("archive-%06d", i), SECTIONS[i % 4], -archive + i);
                Files.write(items.resolve(item.slug() + ".json"), ItemCodec.write(item));
                if (i >= archive - window * 2) newest.add(item);
            }
            int listed = b.s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("items/").maxKeys(1000)).keyCount();
            Random random = new Random(archive);
            for (int k = 0; k < 20; k++) {
                String key = String.format("items/archive-%06d.json", random.nextInt(archive));
                b.s3.headObject(r -> r.bucket(BUCKET).key(key));
            }
            if (listed != Math.min(1000, archive)) throw new IllegalStateException("the endpoint lists " + listed + " items");

            // Fill the feeds from the newest archive items, as a running site's feeds would be.
            List<ItemEvent> fill = new ArrayList<>();
            for (int n = 0; n < newest.size(); n++) {
                fill.add(new ItemEvent("fill-" + n, newest.get(n).slug(), false, String.format("%020X", n + 1), FeedTestItems.T0));
            }
            for (int i = 0; i < fill.size(); i += batchSize) b.updater.apply(fill.subList(i, Math.min(fill.size(), i + batchSize)));
            System.out.printf("archive %d: records in place and feeds filled in %.1f s (first listing page %d keys, 20 random keys found)%n",
                    archive, (System.nanoTime() - start) / 1e9, listed);
            return b;
        }

        void batch(int b, int batchSize, boolean measured) {
            changes.clear();
            for (int k = 0; k < batchSize; k++) {
                int n = b * batchSize + k;
                FeedTestItems.put(s3, BUCKET, FeedTestItems.item(String.format("new-%05d", n), SECTIONS[n % 4], n + 1));
            }
            List<ItemEvent> events = new ArrayList<>();
            synchronized (changes) {
                for (ObjectChange c : changes) {
                    events.add(new ItemEvent("m-" + c.key(), ItemEvent.slugOf(c.key()).orElseThrow(), false,
                            c.sequencer(), c.eventTime().atOffset(ZoneOffset.UTC)));
                }
            }
            counter.counts.clear();
            long start = System.nanoTime();
            FeedBatchResult result = updater.apply(events);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (!result.failedMessages().isEmpty()) throw new IllegalStateException("batch failed: " + result);
            if (!measured) return;
            millis.add(elapsed);
            requests += counter.total();
            counter.counts.forEach((op, c) -> byOperation.merge(op, c.get(), Long::sum));
        }

        long percentile(double p) {
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(Long::compare);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1));
        }

        String operations(int batches) {
            StringBuilder out = new StringBuilder();
            byOperation.forEach((op, n) -> out.append(out.length() > 0 ? ", " : "").append(op).append(' ')
                    .append(String.format("%.1f", n / (double) batches)));
            return out.toString();
        }

        @Override
        public void close() {
            s3.close();
            endpoint.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not remove " + dir + ": " + e.getMessage());
            }
        }
    }

    static S3Client client(URI endpoint, ExecutionInterceptor counter) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(S3Endpoint.REGION)
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build();
    }
}
