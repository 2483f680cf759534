package io.masthead.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.endpoint.EndpointOptions;
import io.masthead.endpoint.S3Endpoint;
import software.amazon.awssdk.services.s3.S3Client;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code masthead bench cold}: starts the publisher package in a fresh JVM the way Lambda's Java
 * runtime does ({@link LambdaRuntime}), against an embedded S3 endpoint, and measures JVM start
 * to handler ready, the first invocation (the sample S3 event: article fully published), a
 * second, warm invocation (an article with a large photo), the JVM's peak RSS and the package's
 * size; medians of several runs with their range, then one JSON line.
 */
public final class ColdStartBench {
    static final String FUNCTION = "PublishFunction";
    static final String BUCKET = "masthead";
    static final Path DEFAULT_PHOTO = Path.of("/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg");
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Targets on a 2-core machine (issue: cold start, package size and latency). */
    static final double READY_TARGET_MS = 800;
    static final double FIRST_TARGET_MS = 1500;
    static final double WARM_TARGET_MS = 500;
    static final long PACKAGE_TARGET_BYTES = 20_000_000L;

    /** One cold start: times in milliseconds. */
    /** @param libjpeg the libjpeg the function's ImageIO ran on ({@link ImageIoLibjpeg}): it halves or doubles the card time */
    record Run(double readyMs, double firstMs, double warmMs, double peakRssMb, double readyCpuMs, double firstCpuMs, double warmCpuMs,
               String libjpeg) {
    }

    /** Every run's numbers and what was measured. */
    record Result(List<Run> runs, long packageBytes, String photo, String jvm, String load) {
        Spread ready() { return Spread.of(runs.stream().map(Run::readyMs).toList()); }
        Spread first() { return Spread.of(runs.stream().map(Run::firstMs).toList()); }
        Spread warm() { return Spread.of(runs.stream().map(Run::warmMs).toList()); }
        Spread rss() { return Spread.of(runs.stream().map(Run::peakRssMb).toList()); }
        Spread readyToPublished() { return Spread.of(runs.stream().map(r -> r.readyMs() + r.firstMs()).toList()); }
        Spread readyCpu() { return Spread.of(runs.stream().map(Run::readyCpuMs).toList()); }
        Spread firstCpu() { return Spread.of(runs.stream().map(Run::firstCpuMs).toList()); }
        Spread warmCpu() { return Spread.of(runs.stream().map(Run::warmCpuMs).toList()); }

        String json() {
            return String.format(Locale.ROOT,
                    "{\"handler_ready_ms\": %.0f, \"first_publish_ms\": %.0f, \"warm_publish_ms\": %.0f, \"peak_rss_mb\": %.1f, \"package_bytes\": %d}",
                    ready().median(), first().median(), warm().median(), rss().median(), packageBytes);
        }
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    /** Entry point for {@code masthead bench cold [options]}; returns the exit code. */
    public static int run(List<String> args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench cold: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            System.out.println(BenchOptions.USAGE);
            return 0;
        }
        try {
            Result result = measure(options, System.out);
            report(result, System.out);
            if (options.chart() != null) {
                BenchChart.draw(result, CardComparison.readFrom(options.benchmarksDoc()), options.chart());
                System.out.println("chart: " + options.chart());
            }
            System.out.println(result.json());
            return 0;
        } catch (Exception e) {
            System.err.println("bench cold failed: " + e);
            return 1;
        }
    }

    static Result measure(BenchOptions options, PrintStream out) throws IOException, InterruptedException {
        FunctionSpec function = FunctionSpec.fromTemplate(options.template(), FUNCTION);
        if (options.javaToolOptions() != null) function = function.withJavaToolOptions(options.javaToolOptions());
        if (options.memoryMb() > 0) function = function.withMemory(options.memoryMb());
        Path work = Files.createTempDirectory("masthead-bench-cold").toAbsolutePath();
        Path taskRoot = LambdaRuntime.taskRootWith(options.packageJar(), work.resolve("task"));
        List<Path> runtimeJars = LambdaRuntime.runtimeJarsIn(options.runtimeDir());
        long packageBytes = Files.size(options.packageJar());

        Path sampleEvent = options.events().resolve("s3-put-article.json");
        byte[] firstEvent = Files.readAllBytes(sampleEvent);
        ObjectNode firstRecord = (ObjectNode) JSON.readTree(firstEvent).path("Records").path(0);
        String firstKey = firstRecord.at("/s3/object/key").asText();
        String firstSlug = slugOf(firstKey);
        ObjectNode article = (ObjectNode) JSON.readTree(options.events().resolve(firstKey).toFile());
        String firstPhotoKey = article.at("/photo/key").asText();
        Path warmPhoto = options.photo() != null ? options.photo() : options.events().resolve(firstPhotoKey);
        String warmKey = "articles/bench-large-photo.json";
        String warmPhotoKey = "photos/bench-large-photo" + extension(warmPhoto);
        ObjectNode warmArticle = article.deepCopy();
        ((ObjectNode) warmArticle.get("photo")).put("key", warmPhotoKey);
        warmArticle.put("headline", article.path("headline").asText() + " (large photo)");
        byte[] warmEvent = eventFor(firstEvent, warmKey, "0065A1B2C3D4E5F602");
        String photoDescription = describe(warmPhoto);

        try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.inMemory(BUCKET));
             S3Client s3 = endpoint.newClient()) {
            BenchBucket bucket = new BenchBucket(s3, BUCKET);
            bucket.put(firstKey, Files.readAllBytes(options.events().resolve(firstKey)), "application/json");
            bucket.put(firstPhotoKey, Files.readAllBytes(options.events().resolve(firstPhotoKey)), "image/jpeg");
            bucket.put(warmKey, JSON.writeValueAsBytes(warmArticle), "application/json");
            bucket.put(warmPhotoKey, Files.readAllBytes(warmPhoto), "image/jpeg");

            Map<String, String> env = new HashMap<>(endpoint.clientEnvironment());
            env.put("BUCKET_NAME", BUCKET);
            env.put("PUBLIC_BASE_URL", endpoint.bucketUrl());

            List<String> jvmOptions = new ArrayList<>(options.jvmOptions());
            if (options.cds()) {
                Path archive = work.resolve("publisher.jsa");
                out.println("AppCDS: training run to write " + archive);
                bucket.clearOutputs();
                LambdaRuntime training = new LambdaRuntime(options.java(), runtimeJars, taskRoot, function,
                        concat(jvmOptions, "-XX:ArchiveClassesAtExit=" + archive));
                coldStart(training, env, firstEvent, firstSlug, warmEvent, slugOf(warmKey), bucket, work.resolve("training.log"));
                if (!Files.isRegularFile(archive)) throw new IllegalStateException("the training run wrote no archive " + archive);
                jvmOptions.add("-XX:SharedArchiveFile=" + archive);
            }
            LambdaRuntime runtime = new LambdaRuntime(options.java(), runtimeJars, taskRoot, function, jvmOptions);
            out.println("runtime: " + String.join(" ", runtime.command()));
            out.println("JAVA_TOOL_OPTIONS=" + function.javaToolOptions() + "  memory " + function.memoryMb() + " MB");
            out.println("first: " + firstKey + " (photo " + firstPhotoKey + "); warm: " + warmKey + " (photo " + photoDescription + ")");
            List<Run> runs = new ArrayList<>();
            for (int i = 1; i <= options.runs(); i++) {
                bucket.clearOutputs();
                Run run = coldStart(runtime, env, firstEvent, firstSlug, warmEvent, slugOf(warmKey), bucket, work.resolve("run-" + i + ".log"));
                out.printf(Locale.ROOT, "run %d: handler ready %.0f ms (cpu %.0f), first publish %.0f ms (cpu %.0f), warm publish %.0f ms (cpu %.0f), peak RSS %.0f MB, load %s%n",
                        i, run.readyMs(), run.readyCpuMs(), run.firstMs(), run.firstCpuMs(), run.warmMs(), run.warmCpuMs(), run.peakRssMb(), loadAverage());
                runs.add(run);
            }
            out.println("ImageIO's libjpeg in the function's JVM: " + runs.get(0).libjpeg());
            out.println("runtime logs: " + work);
            return new Result(runs, packageBytes, photoDescription, runtime.java().toString(), loadAverage());
        }
    }

    /** One fresh JVM: init, the sample event, the warm event; then stopped. */
    private static Run coldStart(LambdaRuntime runtime, Map<String, String> env, byte[] firstEvent, String firstSlug,
                                 byte[] warmEvent, String warmSlug, BenchBucket bucket, Path log) throws IOException, InterruptedException {
        try (RuntimeApi api = RuntimeApi.start(runtime.function().logicalId())) {
            long start = System.nanoTime();
            Process process = runtime.start(api.address(), env, log);
            try {
                long ready = api.awaitReady(process, INIT_TIMEOUT);
                double readyCpu = ProcessProbe.cpuMs(process.pid());
                RuntimeApi.Invocation first = api.invoke(firstEvent, process, INVOKE_TIMEOUT);
                requireSucceeded(first, log);
                double firstCpu = ProcessProbe.cpuMs(process.pid());
                RuntimeApi.Invocation warm = api.invoke(warmEvent, process, INVOKE_TIMEOUT);
                requireSucceeded(warm, log);
                double warmCpu = ProcessProbe.cpuMs(process.pid());
                double rss = ProcessProbe.peakRssMb(process.pid());
                String libjpeg = ImageIoLibjpeg.describe(process.pid());
                bucket.requirePublished(firstSlug);
                bucket.requirePublished(warmSlug);
                return new Run((ready - start) / 1e6, (first.doneNanos() - first.sentNanos()) / 1e6,
                        (warm.doneNanos() - warm.sentNanos()) / 1e6, rss, readyCpu, firstCpu - readyCpu, warmCpu - firstCpu, libjpeg);
            } finally {
                process.destroy(); // SIGTERM: the JVM exits normally, so an -XX:ArchiveClassesAtExit archive is written
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + " (runtime log " + log + ")", e);
        }
    }

    private static void requireSucceeded(RuntimeApi.Invocation invocation, Path log) {
        if (invocation.failed()) {
            throw new IllegalStateException("the invocation failed: " + invocation.body() + " (runtime log " + log + ")");
        }
    }

    static void report(Result r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-34s %-22s %s%n", "median of " + r.runs().size() + " (min-max)", "", "target");
        line(out, "JVM start to handler ready", r.ready().format("ms"), r.ready().median() <= READY_TARGET_MS, "<= 800 ms");
        line(out, "first invocation (published)", r.first().format("ms"), r.first().median() <= FIRST_TARGET_MS, "<= 1500 ms");
        line(out, "JVM start to first published", r.readyToPublished().format("ms"), true, "(sum)");
        line(out, "warm invocation, " + shortPhoto(r.photo()), r.warm().format("ms"), r.warm().median() <= WARM_TARGET_MS, "<= 500 ms");
        line(out, "CPU time: init", r.readyCpu().format("ms"), true, "");
        line(out, "CPU time: first invocation", r.firstCpu().format("ms"), true, "");
        line(out, "CPU time: warm invocation", r.warmCpu().format("ms"), true, "");
        line(out, "peak RSS (VmHWM)", r.rss().format("MB"), true, "");
        line(out, "package", String.format(Locale.ROOT, "%,d bytes", r.packageBytes()), r.packageBytes() <= PACKAGE_TARGET_BYTES, "<= 20 MB");
    }

    private static void line(PrintStream out, String what, String value, boolean met, String target) {
        out.printf(Locale.ROOT, "%-34s %-22s %s %s%n", what, value, target, target.isEmpty() || target.startsWith("(") ? "" : met ? "ok" : "MISSED");
    }

    private static String shortPhoto(String photo) {
        int space = photo.indexOf(' ');
        return space < 0 ? photo : photo.substring(space + 1);
    }

    /** The 1-minute load average: a benchmark on a busy machine says so. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static byte[] eventFor(byte[] template, String key, String sequencer) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(template);
        ObjectNode object = (ObjectNode) event.at("/Records/0/s3/object");
        object.put("key", key);
        object.put("sequencer", sequencer);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(event);
    }

    private static String slugOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** e.g. {@code Elephants_5640x3172.jpg 17.9 MP progressive JPEG}. */
    static String describe(Path photo) {
        try (ImageInputStream in = ImageIO.createImageInputStream(photo.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return photo.getFileName().toString();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                double mp = (double) reader.getWidth(0) * reader.getHeight(0) / 1e6;
                String kind = reader.getFormatName().toUpperCase(Locale.ROOT);
                if (kind.startsWith("JP")) kind = (JpegKind.isProgressive(photo) ? "progressive" : "baseline") + " JPEG";
                return String.format(Locale.ROOT, "%s %.1f MP %s", photo.getFileName(), mp, kind);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + photo, e);
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }
}
