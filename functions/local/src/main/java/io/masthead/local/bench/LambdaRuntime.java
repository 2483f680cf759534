package io.masthead.local.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a function the way Lambda's managed Java runtime does: a fresh JVM whose class path is
 * only the runtime's own jars (the runtime interface client and its serialization, as in
 * {@code /var/runtime/lib}), main class {@code AWSLambda} with the handler as argument, the
 * working directory the task root with the deployment package in {@code lib/} (where
 * {@code sam build} puts it), the function's environment and {@code JAVA_TOOL_OPTIONS} from the
 * template. The runtime loads the handler through its own class loader from the task root, so
 * nothing of this benchmark is on the function's class path.
 *
 * @param java        the {@code java} binary
 * @param runtimeJars the runtime interface client and the jars it declares
 * @param taskRoot    a folder holding {@code lib/<package>.jar}
 * @param jvmOptions  command-line options besides JAVA_TOOL_OPTIONS, e.g. a CDS archive
 */
record LambdaRuntime(Path java, List<Path> runtimeJars, Path taskRoot, FunctionSpec function, List<String> jvmOptions) {
    static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    LambdaRuntime {
        runtimeJars = List.copyOf(runtimeJars);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The jars in a folder such as {@code functions/local/target/lambda-runtime}. */
    static List<Path> runtimeJarsIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).map(Path::toAbsolutePath).sorted().toList();
            if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))) {
                throw new IllegalArgumentException("no runtime interface client in " + dir + " (build functions/local first)");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " (build functions/local first)", e);
        }
    }

    /** A task root holding a copy of the package, as {@code sam build} lays it out. */
    static Path taskRootWith(Path packageJar, Path dir) {
        try {
            Files.createDirectories(dir.resolve("lib"));
            Files.copy(packageJar, dir.resolve("lib").resolve(packageJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the task root in " + dir, e);
        }
    }

    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        // The sandbox's memory limit, which the JVM would read from its cgroup on Lambda.
        cmd.add("-XX:MaxRAM=" + function.memoryMb() + "m");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, runtimeJars.stream().map(Path::toString).toList()));
        cmd.add(MAIN);
        cmd.add(function.handler());
        return cmd;
    }

    /**
     * @param runtimeApi  {@code host:port} of the runtime API
     * @param environment the function's variables (site settings, endpoint, credentials)
     */
    Process start(String runtimeApi, Map<String, String> environment, Path stdout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command()).directory(taskRoot.toFile());
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", function.handler());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        function.environment().forEach((k, v) -> {
            if (!v.isEmpty()) env.put(k, v);
        });
        env.putAll(environment);
        pb.redirectErrorStream(true).redirectOutput(stdout.toFile());
        return pb.start();
    }
}
