package io.masthead.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.ObjectChangeListener;
import io.masthead.local.LocalDeployment;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One load run against a started local deployment: uploads from parallel uploaders, watches the
 * bucket's changes to time each article (article upload done, item record written, present in
 * every feed it belongs to), samples the heap, and checks the end state.
 */
final class LoadRun implements Callable<LoadReport> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_FEED = Pattern.compile("feeds/(sections/([a-z0-9-]+)/)?feed\\.json");

    private final LocalDeployment deployment;
    private final LoadBench.Options options;
    private final PrintStream progress;
    private final Map<String, Long> uploaded = new ConcurrentHashMap<>();
    private final Map<String, Long> itemWritten = new ConcurrentHashMap<>();
    /** slug to the time it was first seen in each feed that must list it: "site" and its section. */
    private final Map<String, Map<String, Long>> inFeeds = new ConcurrentHashMap<>();
    private final ExecutorService feedReader = Executors.newSingleThreadExecutor();
    private final AtomicLong peakHeap = new AtomicLong();

    LoadRun(LocalDeployment deployment, LoadBench.Options options, PrintStream progress) {
        this.deployment = deployment;
        this.options = options;
        this.progress = progress;
    }

    @Override
    public LoadReport call() throws Exception {
        List<LoadArticles.Upload> uploads = LoadArticles.make(options.articles());
        S3Client s3 = deployment.endpoint().newClient();
        String bucket = deployment.endpoint().bucket();
        ObjectChangeListener watcher = change -> watch(change, s3, bucket);
        deployment.endpoint().addListener(watcher);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        ExecutorService uploaders = Executors.newFixedThreadPool(options.uploaders());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (LoadArticles.Upload u : uploads) {
                done.add(uploaders.submit(() -> {
                    s3.putObject(b -> b.bucket(bucket).key(u.photoKey()).contentType("image/jpeg"), RequestBody.fromBytes(u.photo()));
                    s3.putObject(b -> b.bucket(bucket).key(u.articleKey()).contentType("application/json"), RequestBody.fromBytes(u.article()));
                    uploaded.put(u.slug(), System.nanoTime());
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            uploaders.shutdown();
        }
        long uploadsDone = System.nanoTime();
        progress.printf("uploaded %d articles and photos in %.1f s; waiting for the functions%n", uploads.size(), (uploadsDone - start) / 1e9);
        boolean settled = deployment.awaitSettled(options.timeout());
        feedReader.shutdown();
        feedReader.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        long end = System.nanoTime();
        sampler.interrupt();
        deployment.endpoint().removeListener(watcher);

        List<String> problems = new ArrayList<>();
        if (!settled) problems.add("the functions did not settle within " + options.timeout());
        problems.addAll(verify(uploads, s3, bucket));
        if (!deployment.failedEvents().isEmpty()) problems.add(deployment.failedEvents().size() + " invocations failed every attempt");
        deployment.deadLetters().forEach((q, m) -> {
            if (!m.isEmpty()) problems.add(m.size() + " messages in " + q);
        });
        List<Double> toItem = new ArrayList<>();
        List<Double> toFeeds = new ArrayList<>();
        long lastFeed = start;
        for (LoadArticles.Upload u : uploads) {
            Long up = uploaded.get(u.slug());
            Long item = itemWritten.get(u.slug());
            Map<String, Long> feeds = inFeeds.getOrDefault(u.slug(), Map.of());
            if (up == null || item == null) continue;
            toItem.add((item - up) / 1e6);
            if (feeds.size() == 2) {
                long latest = feeds.values().stream().max(Long::compare).orElseThrow();
                toFeeds.add((latest - up) / 1e6);
                lastFeed = Math.max(lastFeed, latest);
            } else {
                problems.add(u.slug() + " was never seen in " + (feeds.isEmpty() ? "any feed" : "both its feeds: " + feeds.keySet()));
            }
        }
        s3.close();
        long publishInvocations = deployment.invocations().stream().filter(i -> i.function().equals("PublishFunction")).count();
        long feedInvocations = deployment.invocations().stream().filter(i -> i.function().equals("FeedFunction")).count();
        return new LoadReport(options.articles(), options.uploaders(), options.concurrency(),
                Duration.ofNanos(uploadsDone - start), Duration.ofNanos(lastFeed - start), Duration.ofNanos(end - start),
                LoadReport.Percentiles.of(toItem), LoadReport.Percentiles.of(toFeeds),
                heapBefore >> 20, peakHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                publishInvocations, feedInvocations, List.copyOf(problems));
    }

    /** Told on the endpoint's request thread: note the time, leave any reading to another thread. */
    private void watch(ObjectChange change, S3Client s3, String bucket) {
        if (!change.created()) return;
        long now = System.nanoTime();
        String key = change.key();
        if (key.startsWith("items/load-") && key.endsWith(".json")) {
            itemWritten.putIfAbsent(key.substring("items/".length(), key.length() - ".json".length()), now);
            return;
        }
        Matcher m = JSON_FEED.matcher(key);
        if (!m.matches()) return;
        String scope = m.group(2) == null ? "site" : m.group(2);
        String etag = change.eTag();
        feedReader.submit(() -> readFeed(s3, bucket, key, etag, scope, now));
    }

    private void readFeed(S3Client s3, String bucket, String key, String etag, String scope, long when) {
        JsonNode feed;
        try {
            var object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            // A later write replaced it: that write's own notice will be read; crediting this one would be early.
            if (etag != null && !object.response().eTag().replace("\"", "").equals(etag)) return;
            feed = JSON.readTree(object.asByteArray());
        } catch (NoSuchKeyException | IOException e) {
            return;
        }
        for (JsonNode item : feed.path("items")) {
            String url = item.path("url").asText();
            String slug = url.substring(url.lastIndexOf('/') + 1);
            if (!slug.startsWith("load-")) continue;
            inFeeds.computeIfAbsent(slug, s -> new ConcurrentHashMap<>()).putIfAbsent(scope, when);
        }
    }

    /** Every item record, every card it names and the cards of every preset, every feed entry. */
    private List<String> verify(List<LoadArticles.Upload> uploads, S3Client s3, String bucket) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
        Map<String, Set<String>> feedSlugs = new ConcurrentHashMap<>();
        for (String key : keys) {
            Matcher m = JSON_FEED.matcher(key);
            if (!m.matches()) continue;
            Set<String> slugs = ConcurrentHashMap.newKeySet();
            for (JsonNode item : JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()).path("items")) {
                String url = item.path("url").asText();
                slugs.add(url.substring(url.lastIndexOf('/') + 1));
            }
            feedSlugs.put(m.group(2) == null ? "site" : m.group(2), slugs);
        }
        for (LoadArticles.Upload u : uploads) {
            String itemKey = "items/" + u.slug() + ".json";
            if (!keys.contains(itemKey)) {
                problems.add(u.slug() + ": no item record");
                continue;
            }
            JsonNode item = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(itemKey)).asByteArray());
            String image = item.findValue("image") == null ? "" : item.findValue("image").path("url").asText();
            int slash = image.indexOf("/cards/");
            if (slash < 0 || !keys.contains(image.substring(slash + 1))) problems.add(u.slug() + ": item image is not a card in the bucket: " + image);
            long cards = keys.stream().filter(k -> k.startsWith("cards/" + u.slug() + "/")).count();
            if (cards < 6) problems.add(u.slug() + ": " + cards + " cards");
            if (!keys.contains("share/" + u.slug() + ".html")) problems.add(u.slug() + ": no share page");
            String section = u.section().toLowerCase(java.util.Locale.ROOT);
            if (!feedSlugs.getOrDefault("site", Set.of()).contains(u.slug())) problems.add(u.slug() + ": not in feeds/feed.json");
            if (!feedSlugs.getOrDefault(section, Set.of()).contains(u.slug())) problems.add(u.slug() + ": not in the " + section + " feed");
            if (keys.contains("errors/" + u.slug() + ".json")) problems.add(u.slug() + ": has an error record");
        }
        return problems;
    }
}
