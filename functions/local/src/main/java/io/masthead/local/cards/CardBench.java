package io.masthead.local.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.article.Article;
import io.masthead.article.ArticleException;
import io.masthead.article.Photo;
import io.masthead.article.Status;
import io.masthead.card.CardRenderer;
import io.masthead.card.CardSet;
import io.masthead.card.Preset;
import io.masthead.local.bench.ImageIoLibjpeg;
import io.masthead.local.tooling.CommandOptions;
import io.masthead.site.Site;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./masthead bench cards [--warmup N] [--runs N] PHOTO...}: for each photo, in one warm
 * JVM, renders the {@code og} card alone and then the full preset set, and prints one JSON line:
 * {@code {"photo", "og_median_ms", "all_presets_median_ms", "og_bytes", "peak_heap_mb", "java", "imageio_libjpeg"}}.
 * The card matches the sharp peer's (same headline, credit, 1200x630). Medians of the runs after
 * warm-up; peak heap is the most heap in use, sampled every 2 ms while the photo was rendered.
 * The last two name the JVM and the libjpeg its ImageIO reads and writes with, which moves every
 * card's time by a factor of about two ({@link ImageIoLibjpeg}).
 */
public final class CardBench {
    static final String HEADLINE = "Iraq prepares to close down US-led coalition\u2019s mission - PM statement";
    static final String CREDIT = "REUTERS/Ahmed Saad";

    private CardBench() {
    }

    /** Runs the command on its own, before or without the CLI's dispatcher. */
    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    public static int run(List<String> args) {
        String usage = "usage: masthead bench cards [--warmup N] [--runs N] PHOTO...";
        int warmup;
        int runs;
        List<Path> photos;
        try {
            CommandOptions o = CommandOptions.parse(args, Set.of("warmup", "runs"), Set.of());
            warmup = o.integer("warmup", 3);
            runs = o.integer("runs", 7);
            photos = o.positional().stream().map(Path::of).toList();
            if (photos.isEmpty()) throw new CommandOptions.UsageException("name at least one photo");
        } catch (CommandOptions.UsageException e) {
            System.err.println("bench cards: " + e.getMessage() + "\n" + usage);
            return 2;
        }
        Site site = Site.fromEnv(System.getenv());
        CardRenderer og = CardRenderer.fromEnv(site, List.of(Preset.OG), System.getenv());
        CardRenderer all = CardRenderer.fromEnv(site, Preset.DEFAULTS, System.getenv());
        OffsetDateTime t = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        Article article = new Article("bench", HEADLINE, site.url() + "/bench", "", "World", List.of(), t, t, "en",
                List.of(), "", new Photo("photos/bench.jpg", "", "", CREDIT, null), Status.PUBLISHED);
        ObjectMapper json = new ObjectMapper();
        int status = 0;
        for (Path photo : photos) {
            try {
                byte[] bytes = Files.readAllBytes(photo);
                HeapSampler heap = HeapSampler.start();
                long ogBytes = 0;
                for (int i = 0; i < warmup; i++) {
                    og.render(article, bytes);
                    all.render(article, bytes);
                }
                double[] ogTimes = new double[runs];
                double[] allTimes = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    CardSet set = og.render(article, bytes);
                    ogTimes[i] = (System.nanoTime() - t0) / 1e6;
                    ogBytes = set.cards().get(0).bytes();
                }
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    all.render(article, bytes);
                    allTimes[i] = (System.nanoTime() - t0) / 1e6;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("photo", photo.toString());
                line.put("og_median_ms", round1(median(ogTimes)));
                line.put("all_presets_median_ms", round1(median(allTimes)));
                line.put("og_bytes", ogBytes);
                line.put("peak_heap_mb", round1(heap.stop() / (1024.0 * 1024.0)));
                line.put("java", Runtime.version().toString());
                line.put("imageio_libjpeg", ImageIoLibjpeg.describe());
                System.out.println(json.writeValueAsString(line));
            } catch (IOException | ArticleException e) {
                System.err.println(photo + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The most heap in use while it runs: a daemon thread reading the heap's usage every 2 ms. */
    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        static HeapSampler start() {
            System.gc();
            HeapSampler s = new HeapSampler();
            s.thread = new Thread(s, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak;
        }
    }
}
