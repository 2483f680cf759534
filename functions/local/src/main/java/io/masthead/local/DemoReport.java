package io.masthead.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.article.Slugs;
import io.masthead.publish.Outputs;
import io.masthead.local.lambda.Invocation;
import io.masthead.local.lambda.InvocationLog;
import io.masthead.local.sqs.QueueMessage;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the demo published, read back from the bucket, with the files a person can open. */
final class DemoReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    record ArticleOutcome(String key, String slug, List<String> cards, List<String> share, String item, String error) {
        boolean published() {
            return error == null && item != null && share.stream().anyMatch(k -> k.endsWith(".html"));
        }
    }

    private final LocalDeployment deployment;
    private final S3Client s3;
    private final String bucket;
    private final List<ArticleOutcome> articles;
    private final Map<String, Long> feeds;
    private final Map<String, Long> strayErrors;
    private final List<String> problems = new ArrayList<>();

    private DemoReport(LocalDeployment deployment, S3Client s3, List<ArticleOutcome> articles,
                       Map<String, Long> feeds, Map<String, Long> strayErrors) {
        this.deployment = deployment;
        this.s3 = s3;
        this.bucket = deployment.endpoint().bucket();
        this.articles = articles;
        this.feeds = feeds;
        this.strayErrors = strayErrors;
    }

    static DemoReport of(S3Client s3, LocalDeployment deployment, List<String> articleKeys) {
        String bucket = deployment.endpoint().bucket();
        Map<String, Long> objects = new TreeMap<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach((S3Object o) -> objects.put(o.key(), o.size()));
        List<ArticleOutcome> outcomes = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        objects.forEach((k, v) -> {
            if (k.startsWith("errors/")) {
                errors.put(k, v);
            }
        });
        for (int i = 0; i < articleKeys.size(); i++) {
            String key = articleKeys.get(i);
            String slug = slugOf(s3, bucket, key);
            List<String> cards = objects.keySet().stream().filter(k -> k.startsWith("cards/" + slug + "/")).toList();
            List<String> share = objects.keySet().stream()
                    .filter(k -> k.startsWith("share/" + slug + ".")).toList();
            String item = objects.containsKey("items/" + slug + ".json") ? "items/" + slug + ".json" : null;
            String errorKey = "errors/" + slug + ".json";
            String error = null;
            if (objects.containsKey(errorKey)) {
                errors.remove(errorKey);
                error = errorText(s3, bucket, errorKey);
            }
            outcomes.add(new ArticleOutcome(key, slug, cards, share, item, error));
        }
        Map<String, Long> feeds = new LinkedHashMap<>();
        objects.forEach((k, v) -> {
            if (k.startsWith("feeds/")) {
                feeds.put(k, v);
            }
        });
        return new DemoReport(deployment, s3, outcomes, feeds, errors);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void print(PrintStream out) {
        problems.clear();
        long published = articles.stream().filter(ArticleOutcome::published).count();
        out.println("Published " + published + " of " + articles.size() + " articles. Open the files under "
                + display("") + ":");
        for (ArticleOutcome a : articles) {
            out.println();
            out.println("  " + a.slug() + "   (" + a.key() + ")");
            if (a.error() != null) {
                out.println("    REJECTED   " + a.error() + "   " + display("errors/" + a.slug() + ".json"));
                problems.add(a.key() + " was rejected");
                continue;
            }
            if (!a.published()) {
                out.println("    NOT PUBLISHED: no share page or item record");
                problems.add(a.key() + " was not published");
                continue;
            }
            deployment.failedEvents().stream().filter(f -> f.trigger().startsWith(a.key() + " ")).findFirst()
                    .ifPresent(f -> out.println("    FAILED     " + f.function() + " gave up: "
                            + InvocationLog.describe(f.error()) + " (outputs below may be incomplete)"));
            for (String share : a.share()) {
                out.println("    share      " + display(share));
            }
            out.println("    item       " + display(a.item()));
            out.println("    cards      " + a.cards().size() + " in " + display("cards/" + a.slug() + "/"));
            for (String card : a.cards()) {
                out.println("               " + Path.of(card).getFileName() + "  " + dimensions(card));
            }
        }
        out.println();
        if (feeds.isEmpty()) {
            out.println("  Feeds: none written");
            problems.add("no feeds were written");
        } else {
            out.println("  Feeds:");
            feeds.forEach((key, size) -> out.println("    " + display(key) + "  (" + size + " bytes"
                    + feedItems(key).map(n -> ", " + n + " items").orElse("") + ")"));
            long expected = articles.stream().filter(ArticleOutcome::published).count();
            feedItems("feeds/feed.json").ifPresent(n -> {
                int window = Integer.parseInt(deployment.template().parameters().getOrDefault("FeedWindow", "50"));
                if (n != Math.min(expected, window)) {
                    problems.add("feeds/feed.json lists " + n + " items, expected " + Math.min(expected, window));
                }
            });
        }
        if (!strayErrors.isEmpty()) {
            out.println();
            out.println("  Error records:");
            strayErrors.keySet().forEach(k -> out.println("    " + display(k) + "  " + errorText(s3, bucket, k)));
            problems.add(strayErrors.size() + " error records");
        }
        out.println();
        out.println("  Invocations:");
        Map<String, int[]> perFunction = new TreeMap<>();
        for (Invocation i : deployment.invocations()) {
            int[] counts = perFunction.computeIfAbsent(i.function(), f -> new int[3]);
            counts[0]++;
            counts[1] += i.succeeded() ? 0 : 1;
            counts[2] += (int) i.durationMs();
        }
        perFunction.forEach((f, c) -> out.println("    " + String.format("%-18s", f) + c[0] + " invocations, "
                + c[1] + " failed, " + c[2] + " ms in total"));
        for (Invocation failed : deployment.failedEvents()) {
            out.println("    GAVE UP on " + failed.function() + " " + failed.trigger() + ": "
                    + InvocationLog.describe(failed.error()));
            problems.add(failed.function() + " failed on " + failed.trigger());
        }
        for (Map.Entry<String, List<QueueMessage>> dlq : deployment.deadLetters().entrySet()) {
            if (!dlq.getValue().isEmpty()) {
                out.println("    " + dlq.getValue().size() + " messages in " + dlq.getKey());
                problems.add(dlq.getValue().size() + " messages dead-lettered");
            }
        }
        if (!problems.isEmpty()) {
            out.println();
            problems.forEach(p -> out.println("  PROBLEM: " + p));
        }
    }

    private String display(String key) {
        return deployment.endpoint().fileOf(key).map(DisplayPath::of)
                .orElse(deployment.endpoint().bucketUrl() + "/" + key);
    }

    private String dimensions(String key) {
        Optional<Path> file = deployment.endpoint().fileOf(key);
        if (file.isEmpty()) {
            return "";
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.get().toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return "(not an image)";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getWidth(0) + "x" + reader.getHeight(0) + ", " + Files.size(file.get()) / 1024 + " KB";
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private Optional<Integer> feedItems(String key) {
        if (!key.endsWith("feed.json") || !feeds.containsKey(key)) {
            return Optional.empty();
        }
        try {
            JsonNode feed = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
            return Optional.of(feed.path("items").size());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String errorText(S3Client s3, String bucket, String key) {
        try {
            JsonNode error = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
            return error.path("field").asText("?") + ": " + error.path("problem").asText(error.toString());
        } catch (IOException | RuntimeException e) {
            return "(unreadable error record)";
        }
    }

    /** The slug the publisher recorded for the article, else the one it would derive from the key. */
    private static String slugOf(S3Client s3, String bucket, String key) {
        try {
            String recorded = s3.getObjectAsBytes(b -> b.bucket(bucket).key(Outputs.source(key))).asUtf8String().trim();
            if (Slugs.isValid(recorded)) {
                return recorded;
            }
        } catch (RuntimeException e) {
            // Nothing recorded: the article was never published.
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return Slugs.slugify(dot > 0 ? name.substring(0, dot) : name);
    }
}
