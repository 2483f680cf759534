package io.masthead.local.backfill;

import io.masthead.endpoint.EndpointOptions;
import io.masthead.endpoint.S3Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backfill over a data folder holding articles nobody published yet: the template's
 * BackfillFunction renders them from Batch Operations events, a rerun resumes, --restart redoes.
 */
class BackfillCommandTest {
    @TempDir
    Path dir;

    @Test
    void rendersEveryArticleReportsFailuresAndResumes() throws Exception {
        Path data = dir.resolve("data");
        try (S3Endpoint seed = S3Endpoint.start(EndpointOptions.onDisk(0, "masthead", data));
             S3Client s3 = seed.newClient()) {
            put(s3, "articles/harbour.json", "{\"headline\":\"Harbour plan approved\",\"published\":\"2024-03-01T09:00:00Z\"}");
            put(s3, "articles/ferry times.json", "{\"headline\":\"Ferry times change\",\"published\":\"2024-03-02T09:00:00Z\"}");
            put(s3, "articles/broken.json", "{\"headline\": 42");
            put(s3, "photos/unrelated.txt", "not under the prefix");
        }

        Run first = backfill(data, "--batch", "2");
        assertEquals(1, first.code, "one article cannot be read: " + first.out + first.err);
        assertTrue(first.out.contains("3 objects under s3://masthead/articles/"), first.out);
        assertTrue(first.out.contains("[") && first.out.contains("3/3"), "progress lines: " + first.out);
        assertTrue(first.out.contains("2 succeeded") && first.out.contains("1 failed"), first.out);
        assertTrue(first.out.contains("FAILED articles/broken.json  PermanentFailure: rejected"), first.out);
        assertTrue(Files.isRegularFile(data.resolve("masthead/share/harbour.html")));
        assertTrue(Files.isRegularFile(data.resolve("masthead/share/ferry-times.html")));
        assertTrue(Files.isRegularFile(data.resolve("masthead/feeds/rss.xml")), "the feeds followed the item records");
        Path jobDir = dir.resolve("data-backfill/masthead");
        assertEquals(Set.of("articles/harbour.json", "articles/ferry%20times.json"),
                Set.copyOf(Files.readAllLines(jobDir.resolve("progress.txt"))));
        assertEquals(List.of("masthead,articles/broken.json", "masthead,articles/ferry%20times.json",
                "masthead,articles/harbour.json"), Files.readAllLines(jobDir.resolve("manifest.csv")));

        Run second = backfill(data);
        assertTrue(second.out.contains("resuming: 2 done earlier"), second.out);
        assertTrue(second.out.contains("0 succeeded") && second.out.contains("2 skipped (done in an earlier run)")
                && second.out.contains("1 failed"), "only the failed article runs again: " + second.out);

        Run restart = backfill(data, "--restart", "--only-cards");
        assertFalse(restart.out.contains("resuming"), restart.out);
        assertTrue(restart.out.contains("1 failed"), restart.out);
        assertTrue(restart.out.matches("(?s).*backfill: 3 tasks .*: [0-2] succeeded, [0-2] skipped \\(unchanged\\), "
                + "0 skipped \\(done in an earlier run\\).*"), restart.out);
    }

    @Test
    void refusesUnknownOptions() {
        Run r = backfill(dir, "--prefixx", "a/");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("unknown option --prefixx"), r.err);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run backfill(Path data, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of("--data", data.toString(), "--template", "../../template.yaml"));
        all.addAll(List.of(args));
        int code = new BackfillCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(all);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void put(S3Client s3, String key, String body) {
        s3.putObject(b -> b.bucket("masthead").key(key).contentType("application/json"), RequestBody.fromString(body));
    }
}
