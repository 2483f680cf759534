package io.masthead.local.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a load run measured.
 *
 * @param uploadTime   first upload to last upload done
 * @param feedsTime    first upload to the last article appearing in both its feeds
 * @param totalTime    first upload to everything settled and checked
 * @param toItem       per article: its upload done to its item record written (ms)
 * @param toFeeds      per article: its upload done to its appearance in the site feed and its section feed (ms)
 * @param problems     every check that failed; empty when all passed
 */
public record LoadReport(int articles, int uploaders, int concurrency, Duration uploadTime, Duration feedsTime, Duration totalTime,
                         Percentiles toItem, Percentiles toFeeds, long heapBeforeMb, long peakHeapMb, long maxHeapMb,
                         long publishInvocations, long feedInvocations, List<String> problems) {

    public record Percentiles(int count, double p50, double p95, double max) {
        static Percentiles of(List<Double> values) {
            if (values.isEmpty()) return new Percentiles(0, 0, 0, 0);
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Percentiles(sorted.size(), at(sorted, 0.50), at(sorted, 0.95), sorted.get(sorted.size() - 1));
        }

        private static double at(List<Double> sorted, double q) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }
    }

    public double articlesPerSecond() {
        return articles / Math.max(0.001, feedsTime.toMillis() / 1000.0);
    }

    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "published %d articles in %.1f s (uploads took %.1f s): %.2f articles/s to feeds%n",
                articles, feedsTime.toMillis() / 1000.0, uploadTime.toMillis() / 1000.0, articlesPerSecond()));
        s.append(String.format(Locale.ROOT, "upload -> item record: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d articles)%n",
                toItem.p50(), toItem.p95(), toItem.max(), toItem.count()));
        s.append(String.format(Locale.ROOT, "upload -> in site and section feeds: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d articles)%n",
                toFeeds.p50(), toFeeds.p95(), toFeeds.max(), toFeeds.count()));
        s.append(String.format(Locale.ROOT, "invocations: %d publish, %d feed; heap: %d MB before, peak %d MB of %d MB max%n",
                publishInvocations, feedInvocations, heapBeforeMb, peakHeapMb, maxHeapMb));
        if (problems.isEmpty()) {
            s.append("verified: every item record, its cards (all presets), its share page, its entry in feeds/feed.json and in its section feed");
        } else {
            s.append("PROBLEMS (").append(problems.size()).append("):");
            problems.stream().limit(20).forEach(p -> s.append("\n  ").append(p));
        }
        return s.toString();
    }
}
