package io.masthead.local;

import io.masthead.local.preview.Preview;
import io.masthead.local.tooling.CommandOptions;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./masthead demo}: a fresh local bucket, the sample photos and articles from
 * {@code events/} uploaded as any client would, the template's triggers left to do the rest,
 * then a report of what was published and where the files are.
 */
final class DemoCommand {
    private static final Map<String, String> IMAGE_TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp", "gif", "image/gif");
    private static final Map<String, String> ARTICLE_TYPES = Map.of(
            "json", "application/json", "md", "text/markdown; charset=utf-8",
            "markdown", "text/markdown; charset=utf-8", "txt", "text/plain; charset=utf-8",
            "html", "text/html; charset=utf-8", "xml", "application/xml");

    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        CommandOptions a = CommandOptions.parse(args, Set.of("data", "bucket", "template", "events", "timeout", "param"), Set.of("verbose"));
        Path template = a.template();
        Path events = a.path("events", "events");
        Path data = a.path("data", ".masthead/demo").toAbsolutePath().normalize();
        String bucket = a.get("bucket", LocalOptions.DEFAULT_BUCKET);
        List<Path> photos = files(events.resolve("photos"), p -> IMAGE_TYPES.containsKey(extension(p)));
        List<Path> articles = files(events.resolve("articles"), p -> !p.getFileName().toString().startsWith("."));
        if (articles.isEmpty()) {
            err.println("demo: no articles under " + events.resolve("articles"));
            return 1;
        }
        wipe(data.resolve(bucket));

        LocalOptions options = LocalOptions.defaults(template, out).withPort(0).withBucket(bucket).withDataDir(data)
                .withParameters(a.parameters()).withVerbose(a.flag("verbose"));
        long start = System.nanoTime();
        try (LocalDeployment deployment = LocalDeployment.start(options);
             S3Client s3 = deployment.endpoint().newClient()) {
            out.println("S3 endpoint " + deployment.endpoint().uri() + ", bucket " + bucket + ", files in "
                    + DisplayPath.of(data.resolve(bucket)));
            out.println("uploading " + photos.size() + " photos and " + articles.size() + " articles from "
                    + DisplayPath.of(events));
            for (Path photo : photos) {
                upload(s3, bucket, "photos/" + photo.getFileName(), photo, IMAGE_TYPES.get(extension(photo)));
            }
            List<String> articleKeys = new ArrayList<>();
            for (Path article : articles) {
                String key = "articles/" + article.getFileName();
                upload(s3, bucket, key, article, ARTICLE_TYPES.getOrDefault(extension(article), "application/octet-stream"));
                articleKeys.add(key);
            }
            boolean settled = deployment.awaitSettled(Duration.ofSeconds(a.integer("timeout", 300)));
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            out.println();
            if (!settled) {
                out.println("NOT SETTLED after " + seconds + " s: " + deployment.pendingWork()
                        + " invocations or messages still pending");
            }
            DemoReport report = DemoReport.of(s3, deployment, articleKeys);
            report.print(out);
            Path preview = Preview.writeStatic(s3, bucket, "../" + bucket + "/", data.resolve("preview/index.html"));
            out.println();
            out.println("preview: " + preview.toUri() + "  (or run ./masthead serve --data "
                    + DisplayPath.of(data) + " and open http://127.0.0.1:4566" + Preview.PATH + ")");
            boolean ok = settled && report.ok();
            out.println();
            out.println(ok ? "demo finished in " + seconds + " s" : "demo FAILED (see above)");
            return ok ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            err.println("demo: " + e.getMessage());
            return 1;
        }
    }

    private static void upload(S3Client s3, String bucket, String key, Path file, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    private static List<Path> files(Path dir, java.util.function.Predicate<Path> wanted) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(wanted).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Clears the previous demo's bucket folder; only that folder, never the parent a user named. */
    private static void wipe(Path bucketDir) {
        if (!Files.exists(bucketDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(bucketDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + bucketDir, e);
        }
    }
}
