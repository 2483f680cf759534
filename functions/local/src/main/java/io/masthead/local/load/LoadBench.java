package io.masthead.local.load;

import io.masthead.local.LocalDeployment;
import io.masthead.local.LocalOptions;
import io.masthead.local.tooling.CommandOptions;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./masthead bench load}: publishes N articles with photos through the local deployment
 * (embedded endpoint, the template's own triggers, queue and feed function) from parallel
 * uploaders, then verifies every item, card and feed entry; optionally runs the memory check of
 * sequential publishes in one handler instance.
 *
 * <pre>
 * ./masthead bench load [--articles 300] [--uploaders 16] [--concurrency 4] [--sequential 1000] [--timeout 1200] [--template template.yaml]
 * </pre>
 */
public final class LoadBench {
    private LoadBench() {
    }

    /** Options of one run; {@code sequential} 0 skips the memory check. */
    public record Options(int articles, int uploaders, int concurrency, int sequential, Path template, Duration timeout) {
        public static Options defaults() {
            return new Options(300, 16, 4, 0, Path.of("template.yaml"), Duration.ofMinutes(20));
        }
    }

    /** Entry point for the CLI: prints the figures, returns 0 when every check passed. */
    public static int run(List<String> args) throws Exception {
        Options o = parse(args);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "load: %d articles with photos, %d uploaders, %d concurrent publish invocations, %d cores, max heap %d MB%n",
                o.articles(), o.uploaders(), o.concurrency(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        LoadReport report = measure(o, out);
        out.println(report.describe());
        boolean ok = report.problems().isEmpty();
        if (o.sequential() > 0) {
            MemoryCheck.Result memory = MemoryCheck.run(o.sequential(), out);
            out.println(memory.describe());
            ok &= memory.bounded();
        }
        return ok ? 0 : 1;
    }

    /** Publishes {@code o.articles()} articles through a fresh in-memory local deployment and measures it. */
    public static LoadReport measure(Options o, PrintStream progress) throws Exception {
        Path template = o.template();
        if (!Files.exists(template)) throw new IllegalArgumentException("no " + template + " here; pass --template");
        // The feed window holds every article of the run, so every item must be in its feeds.
        LocalOptions local = new LocalOptions(template, 0, LocalOptions.DEFAULT_BUCKET, null,
                Map.of("FeedWindow", Integer.toString(Math.max(50, o.articles())), "SiteUrl", LoadArticles.SITE_URL),
                false, Duration.ofMillis(500), Duration.ofSeconds(1), o.concurrency(), new PrintStream(PrintStream.nullOutputStream()));
        try (LocalDeployment deployment = LocalDeployment.start(local)) {
            return new LoadRun(deployment, o, progress).call();
        }
    }

    static Options parse(List<String> args) {
        Options d = Options.defaults();
        CommandOptions o = CommandOptions.parse(args,
                Set.of("articles", "uploaders", "concurrency", "sequential", "template", "timeout"), Set.of());
        if (!o.positional().isEmpty()) {
            throw new CommandOptions.UsageException("unexpected " + o.positional()
                    + "; usage: bench load [--articles 300] [--uploaders 16] [--concurrency 4] [--sequential 1000] [--timeout 1200] [--template template.yaml]");
        }
        return new Options(o.integer("articles", d.articles()), o.integer("uploaders", d.uploaders()),
                o.integer("concurrency", d.concurrency()), o.integer("sequential", d.sequential()),
                o.path("template", d.template().toString()),
                Duration.ofSeconds(o.integer("timeout", (int) d.timeout().toSeconds())));
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args)));
    }
}
