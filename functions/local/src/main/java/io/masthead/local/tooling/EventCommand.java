package io.masthead.local.tooling;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code ./masthead event s3-put|s3-delete|sqs --bucket B --key K}: prints an event as {@code sam local generate-event} does. */
public final class EventCommand {
    static final String USAGE = "usage: ./masthead event s3-put|s3-delete|sqs --bucket B --key K [--region us-east-1] [--queue ItemsQueue]";
    private final PrintStream out;
    private final PrintStream err;

    public EventCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        try {
            CommandOptions o = CommandOptions.parse(args, Set.of("bucket", "key", "region", "queue"), Set.of());
            if (o.positional().size() != 1) {
                throw new IllegalArgumentException("name one event: s3-put, s3-delete or sqs");
            }
            String bucket = o.get("bucket", "masthead");
            String key = o.require("key");
            String region = o.get("region", "us-east-1");
            ObjectNode event = switch (o.positional().get(0)) {
                case "s3-put" -> SamEvents.s3Put(bucket, key, region);
                case "s3-delete" -> SamEvents.s3Delete(bucket, key, region);
                case "sqs" -> SamEvents.sqsReceiveMessage(bucket, key, region, o.get("queue", "ItemsQueue"));
                default -> throw new IllegalArgumentException("unknown event " + o.positional().get(0)
                        + "; one of s3-put, s3-delete, sqs");
            };
            out.println(SamEvents.print(event));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("event: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }
}
