package io.masthead.local.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Lambda package as built by the publisher module: what is in it, and that Lambda's own Java
 * runtime can start it and publish the sample event with it (one cold start of the benchmark).
 */
class PublisherPackageTest {
    private static final Path PACKAGE = Path.of("../publisher/target/masthead-publisher.jar");

    @Test
    void holdsOnlyWhatThePublisherUses() throws Exception {
        assertTrue(Files.isRegularFile(PACKAGE), "build the publisher package first: mvn -pl functions/local -am verify");
        assertTrue(Files.size(PACKAGE) <= ColdStartBench.PACKAGE_TARGET_BYTES, "package is " + Files.size(PACKAGE) + " bytes");
        Set<String> fonts = new TreeSet<>();
        try (JarFile jar = new JarFile(PACKAGE.toFile())) {
            jar.stream().map(e -> e.getName()).forEach(name -> {
                if (name.endsWith(".ttf")) fonts.add(name.substring(name.lastIndexOf('/') + 1));
                assertTrue(!name.startsWith("org/apache/hc/") && !name.startsWith("io/netty/")
                        && !name.startsWith("software/amazon/awssdk/http/apache") && !name.startsWith("software/amazon/awssdk/http/nio"),
                        "no HTTP client but URL-connection: " + name);
                assertTrue(!name.startsWith("org/gaul/") && !name.startsWith("io/masthead/local/") && !name.startsWith("org/junit/"),
                        "no local-runner or test code: " + name);
            });
            assertTrue(jar.getEntry("org/jsoup/Jsoup.class") != null, "jsoup, which the article and feed code use, is packaged");
            // the event models are trimmed to what the handlers use: every one they name must be there
            var eventModel = java.util.regex.Pattern.compile("com/amazonaws/services/lambda/runtime/events/[A-Za-z0-9_/$]+");
            Set<String> referenced = new TreeSet<>();
            for (var entry : jar.stream().filter(e -> e.getName().startsWith("io/masthead/") && e.getName().endsWith(".class")).toList()) {
                String constants = new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                eventModel.matcher(constants).results().forEach(m -> referenced.add(m.group()));
            }
            assertTrue(referenced.contains("com/amazonaws/services/lambda/runtime/events/S3Event"), referenced.toString());
            for (String type : referenced) {
                assertTrue(jar.getEntry(type + ".class") != null, "event model used by a handler is packaged: " + type);
            }
        }
        // the faces io.masthead.card.FontChain loads; the cold start below renders with all four
        assertEquals(Set.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"), fonts);
    }

    /**
     * Every sample article, in every format, parses with the package's classes alone: a library
     * a reader needs that the package lacks (a test-scope declaration can shadow a compile one)
     * fails here, not on Lambda.
     */
    @Test
    void parsesEveryArticleFormatWithThePackagedClassesAlone() throws Exception {
        try (URLClassLoader packaged = new URLClassLoader(new URL[] {PACKAGE.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             Stream<Path> files = Files.list(Path.of("../../events/articles"))) {
            Class<?> site = packaged.loadClass("io.masthead.site.Site");
            Class<?> parserType = packaged.loadClass("io.masthead.article.ArticleParser");
            Object parser = parserType.getConstructor(site).newInstance(site.getMethod("fromEnv", Map.class).invoke(null, Map.of()));
            Method parse = parserType.getMethod("parse", String.class, byte[].class, OffsetDateTime.class);
            Set<String> formats = new TreeSet<>();
            for (Path article : files.sorted().toList()) {
                String name = article.getFileName().toString();
                try {
                    parse.invoke(parser, "articles/" + name, Files.readAllBytes(article), OffsetDateTime.parse("2026-01-01T00:00:00Z"));
                } catch (InvocationTargetException e) {
                    throw new AssertionError(name + " does not parse with the packaged classes: " + e.getCause(), e.getCause());
                }
                formats.add(name.substring(name.lastIndexOf('.') + 1));
            }
            assertEquals(Set.of("json", "md", "txt"), formats, "the samples cover every reader");
        }
    }

    @Test
    void lambdasJavaRuntimeStartsItAndPublishesTheSampleEvent() throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("--runs", "1", "--package", PACKAGE.toString(),
                "--runtime", "target/lambda-runtime", "--template", "../../template.yaml", "--events", "../../events",
                "--photo", "../../events/photos/hubble_deep_field.jpg"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // measure() fails unless every card (og decoded at 1200x630), the share page and the item were written for both events
        ColdStartBench.Result result = ColdStartBench.measure(options, new PrintStream(log, true));
        assertEquals(1, result.runs().size());
        ColdStartBench.Run run = result.runs().get(0);
        assertTrue(run.readyMs() > 0 && run.firstMs() > 0 && run.warmMs() > 0 && run.peakRssMb() > 50, run.toString());
        // the function's JVM has written cards, so its ImageIO codec is mapped and named
        assertTrue(run.libjpeg().startsWith("system /") || run.libjpeg().startsWith("bundled libjpeg 6b in /"), run.libjpeg());
        assertEquals(Files.size(PACKAGE), result.packageBytes());
        String logs = log.toString().lines().filter(l -> l.startsWith("runtime logs: ")).findFirst().orElseThrow().substring(14);
        String runtimeLog = Files.readString(Path.of(logs, "run-1.log"));
        assertTrue(runtimeLog.contains("Picked up JAVA_TOOL_OPTIONS"), "the runtime log is the function JVM's output");
        assertFalse(runtimeLog.contains("SLF4J"), "the cold start logs no SLF4J notice:\n" + runtimeLog);
        assertTrue(result.json().matches("\\{\"handler_ready_ms\": \\d+, \"first_publish_ms\": \\d+, \"warm_publish_ms\": \\d+, "
                + "\"peak_rss_mb\": \\d+\\.\\d, \"package_bytes\": \\d+}"), result.json());
    }
}
