package io.masthead.local;

import io.masthead.local.preview.Preview;
import io.masthead.local.tooling.CommandOptions;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code ./masthead serve}: the endpoint and the template's triggers, until Ctrl-C. */
final class ServeCommand {
    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        CommandOptions a = CommandOptions.parse(args, Set.of("port", "bucket", "data", "template", "param"), Set.of("verbose"));
        Path template = a.template();
        Path data = a.path("data", ".masthead/data").toAbsolutePath().normalize();
        LocalOptions options = LocalOptions.defaults(template, out)
                .withPort(a.integer("port", LocalOptions.DEFAULT_PORT))
                .withBucket(a.get("bucket", LocalOptions.DEFAULT_BUCKET))
                .withDataDir(data)
                .withParameters(a.parameters())
                .withVerbose(a.flag("verbose"));

        LocalDeployment deployment;
        Preview preview = new Preview();
        try {
            deployment = LocalDeployment.start(options, List.of(preview.route()));
            preview.connect(deployment.endpoint());
        } catch (RuntimeException e) {
            err.println("serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping...");
            preview.close();
            deployment.close();
            out.println("stopped");
            stopped.countDown();
        }, "masthead-stop"));

        String url = deployment.endpoint().uri().toString();
        String bucket = options.bucket();
        out.println("S3 endpoint  " + url + "   bucket " + bucket + "   (any access key works)");
        out.println("files        " + DisplayPath.of(data.resolve(bucket)));
        out.println("preview      " + Preview.url(deployment.endpoint()));
        out.println("triggers from " + DisplayPath.of(template) + ":");
        deployment.wiring().describe().forEach(line -> out.println("  " + line));
        deployment.template().functions().stream()
                .filter(f -> f.s3Triggers().isEmpty() && f.sqsTriggers().isEmpty())
                .forEach(f -> out.println("  " + f.logicalId() + ": no events in the template; not triggered here"));
        out.println();
        out.println("Try it:");
        out.println("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1");
        String photo = Files.exists(Path.of("events/photos/rocket.jpg")) ? "events/photos/rocket.jpg" : "photo.jpg";
        String article = Files.exists(Path.of("events/articles/iraq-coalition-mission.json"))
                ? "events/articles/iraq-coalition-mission.json" : "article.json";
        out.println("  aws --endpoint-url " + url + " s3 cp " + photo + " s3://" + bucket + "/photos/" + Path.of(photo).getFileName());
        out.println("  aws --endpoint-url " + url + " s3 cp " + article + " s3://" + bucket + "/articles/" + Path.of(article).getFileName());
        out.println("  aws --endpoint-url " + url + " s3 ls --recursive s3://" + bucket + "/");
        out.println("Ctrl-C stops.");
        out.println();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
