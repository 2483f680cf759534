package io.masthead.local.backfill;

import io.masthead.local.LocalDeployment;
import io.masthead.local.LocalOptions;
import io.masthead.local.lambda.LocalFunction;
import io.masthead.local.tooling.CommandOptions;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code ./masthead backfill}: re-renders every article in the local bucket through the
 * template's BackfillFunction, driven like an S3 Batch Operations job (manifest, schema-2.0
 * batches, per-task results), with the template's triggers running so feeds follow the new item
 * records. Progress is kept beside the data folder, so a rerun resumes.
 */
public final class BackfillCommand {
    static final String USAGE = "usage: ./masthead backfill [--prefix articles/] [--only-cards] [--data .masthead/data]"
            + " [--bucket masthead] [--batch 10] [--concurrency 2] [--restart] [--template template.yaml]";
    static final String FUNCTION = "BackfillFunction";
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /** @param terminal whether {@code out} is a terminal (redraw the bar in place) */
    public BackfillCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public int run(List<String> args) {
        CommandOptions o;
        Path template;
        try {
            o = CommandOptions.parse(args, Set.of("prefix", "data", "bucket", "batch", "concurrency", "template"),
                    Set.of("only-cards", "restart"));
            if (!o.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected " + o.positional());
            }
            template = o.template();
        } catch (IllegalArgumentException e) {
            err.println("backfill: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path data = Path.of(o.get("data", ".masthead/data")).toAbsolutePath().normalize();
        String bucket = o.get("bucket", LocalOptions.DEFAULT_BUCKET);
        String prefix = o.get("prefix", "articles/");
        int batchSize;
        int concurrency;
        try {
            batchSize = o.integer("batch", 10);
            concurrency = o.integer("concurrency", 2);
        } catch (IllegalArgumentException e) {
            err.println("backfill: " + e.getMessage());
            return 2;
        }
        // Beside the data folder, not in it: every folder in it is a bucket to the endpoint.
        Path jobDir = data.resolveSibling(data.getFileName() + "-backfill").resolve(bucket);
        ProgressFile progress = new ProgressFile(jobDir.resolve("progress.txt"));
        if (o.flag("restart")) {
            progress.reset();
        }
        Path invocationLog = jobDir.resolve("invocations.log");
        try (PrintStream log = openLog(invocationLog);
             LocalDeployment deployment = LocalDeployment.start(LocalOptions.defaults(template.toAbsolutePath(), log)
                     .withPort(0).withBucket(bucket).withDataDir(data));
             S3Client s3 = deployment.endpoint().newClient()) {
            LocalFunction function = deployment.functions().get(FUNCTION);
            if (function == null) {
                err.println("backfill: template.yaml declares no " + FUNCTION);
                return 1;
            }
            BatchManifest manifest = BatchManifest.list(s3, bucket, prefix);
            manifest.write(jobDir.resolve("manifest.csv"));
            int previously = progress.completed().size();
            out.println("backfill: " + manifest.keys().size() + " objects under s3://" + bucket + "/" + prefix
                    + " (manifest " + jobDir.resolve("manifest.csv") + ")"
                    + (previously > 0 ? ", resuming: " + previously + " done earlier (--restart to redo them)" : "")
                    + (o.flag("only-cards") ? ", only where cards change" : ""));
            BackfillSummary summary = new BackfillJob(function, batchSize, concurrency, o.flag("only-cards"), 3)
                    .run(manifest, progress, new ProgressBar(out, terminal));
            if (!deployment.awaitSettled(Duration.ofMinutes(10))) {
                err.println("backfill: feed updates still pending after 10 minutes");
            }
            summary.print(out);
            out.println("feed updates and other triggered invocations: " + invocationLog);
            return summary.ok() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (RuntimeException | java.io.IOException e) {
            err.println("backfill: " + e.getMessage());
            return 1;
        }
    }

    /** The triggered functions' one-line log, kept out of the way of the progress bar. */
    private static PrintStream openLog(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        return new PrintStream(Files.newOutputStream(file), true, java.nio.charset.StandardCharsets.UTF_8);
    }
}
