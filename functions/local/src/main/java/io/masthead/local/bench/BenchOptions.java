package io.masthead.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code masthead bench cold}; paths are relative to the repository root. */
record BenchOptions(int runs, Path packageJar, Path runtimeDir, Path template, Path events, Path photo, Path java,
                    String javaToolOptions, int memoryMb, boolean cds, List<String> jvmOptions, Path chart,
                    Path benchmarksDoc, boolean help) {

    static final String USAGE = """
            usage: masthead bench cold [--runs 5] [--photo FILE] [--cds] [--chart docs/cold-start.png]
                                       [--java-tool-options "..."] [--memory MB] [--jvm-option OPT]...
                                       [--java PATH] [--package JAR] [--runtime DIR] [--template FILE] [--events DIR]
              Starts the publisher package in a fresh JVM as Lambda's Java runtime does (runtime interface
              client, handler and JAVA_TOOL_OPTIONS from template.yaml) against an embedded S3 endpoint:
              init, the sample S3 event, then a warm event whose article has --photo (default: an 18 MP
              JPEG from Debian's mate-backgrounds if installed, else the sample photo). Prints medians with
              their range and, last, one JSON line.
              --cds      first a training run writes an AppCDS archive (-XX:ArchiveClassesAtExit), then
                         every measured run uses it (-XX:SharedArchiveFile)
              --chart    draws a PNG of the phases (and card vs sharp from docs/benchmarks.md if present)""";

    BenchOptions {
        jvmOptions = List.copyOf(jvmOptions);
    }

    static BenchOptions parse(List<String> args) {
        int runs = 5;
        Path packageJar = Path.of("functions/publisher/target/masthead-publisher.jar");
        Path runtimeDir = Path.of("functions/local/target/lambda-runtime");
        Path template = Path.of("template.yaml");
        Path events = Path.of("events");
        Path photo = Files.isRegularFile(ColdStartBench.DEFAULT_PHOTO) ? ColdStartBench.DEFAULT_PHOTO : null;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String toolOptions = null;
        int memory = 0;
        boolean cds = false;
        List<String> jvm = new ArrayList<>();
        Path chart = null;
        Path doc = Path.of("docs/benchmarks.md");
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--runs" -> runs = positive(a, value(args, ++i, a));
                case "--package" -> packageJar = Path.of(value(args, ++i, a));
                case "--runtime" -> runtimeDir = Path.of(value(args, ++i, a));
                case "--template" -> template = Path.of(value(args, ++i, a));
                case "--events" -> events = Path.of(value(args, ++i, a));
                case "--photo" -> photo = Path.of(value(args, ++i, a));
                case "--java" -> java = Path.of(value(args, ++i, a));
                case "--java-tool-options" -> toolOptions = value(args, ++i, a);
                case "--memory" -> memory = positive(a, value(args, ++i, a));
                case "--cds" -> cds = true;
                case "--jvm-option" -> jvm.add(value(args, ++i, a));
                case "--chart" -> chart = Path.of(value(args, ++i, a));
                case "--benchmarks" -> doc = Path.of(value(args, ++i, a));
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (!help) {
            for (Path p : List.of(packageJar, template)) {
                if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no file " + p + " (run from the repository root, after a build)");
            }
            if (photo != null && !Files.isRegularFile(photo)) throw new IllegalArgumentException("no photo " + photo);
        }
        return new BenchOptions(runs, packageJar, runtimeDir, template, events, photo, java, toolOptions, memory, cds,
                jvm, chart, doc, help);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive number, got " + value);
        }
    }
}
