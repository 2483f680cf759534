package io.masthead.local;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;

/** The {@code ./masthead} command. */
public final class Main {
    private static final String USAGE = """
            usage: ./masthead <command> [options]

              demo     publish the sample articles in events/ through the local triggers and show the results
                       [--data .masthead/demo] [--bucket masthead] [--param Name=Value]... [--timeout 300] [--verbose]
              serve    run the S3 endpoint with the template's triggers until Ctrl-C
                       [--port 4566] [--bucket masthead] [--data .masthead/data] [--param Name=Value]... [--verbose]
              backfill re-render every article in the local bucket as an S3 Batch Operations job would, resumable
                       [--prefix articles/] [--only-cards] [--data .masthead/data] [--bucket masthead] [--batch 10]
                       [--concurrency 2] [--restart]
              invoke   run one template function once with an event file, like sam local invoke
                       FUNCTION EVENT.json [--bucket masthead] [--data .masthead/data]  (endpoint: AWS_ENDPOINT_URL_S3, else embedded)
              event    print an event as sam local generate-event does
                       s3-put|s3-delete|sqs --bucket B --key K [--region us-east-1] [--queue ItemsQueue]
              bench cards ...   card rendering benchmark
              render ...        render cards for one article to files
              help     this text

            Common options: --template template.yaml (read from the current directory by default).
            --param sets a template parameter, e.g. --param SiteUrl=https://news.example.com
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "demo" -> new DemoCommand(out, err).run(rest);
                case "serve" -> new ServeCommand(out, err).run(rest);
                case "bench" -> bench(rest, err);
                case "render" -> delegate("io.masthead.local.cards.RenderCommand", "render", rest, err);
                case "invoke" -> new io.masthead.local.tooling.InvokeCommand(out, err, System.getenv()).run(rest);
                case "event" -> new io.masthead.local.tooling.EventCommand(out, err).run(rest);
                case "backfill" -> new io.masthead.local.backfill.BackfillCommand(out, err, System.console() != null)
                        .run(rest);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command: " + args.get(0));
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (Arguments.UsageException e) {
            err.println(args.get(0) + ": " + e.getMessage());
            return 2;
        }
    }

    private static int bench(List<String> args, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals("cards")) {
            return delegate("io.masthead.local.cards.CardBench", "bench cards", args.subList(1, args.size()), err);
        }
        if (!args.isEmpty() && args.get(0).equals("cold")) {
            return notYet("bench cold", err);
        }
        err.println("usage: ./masthead bench cards [options]");
        return 2;
    }

    /** Commands that live in io.masthead.local.cards; looked up by name so this build works without them. */
    private static int delegate(String className, String command, List<String> args, PrintStream err) {
        try {
            Class<?> type = Class.forName(className);
            Object code = type.getMethod("run", List.class).invoke(null, args);
            return code instanceof Integer i ? i : 0;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            err.println("'" + command + "' is not available in this build.");
            return 2;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println(command + " failed: " + cause);
            return 1;
        } catch (IllegalAccessException e) {
            err.println(command + " cannot be called: " + e.getMessage());
            return 2;
        }
    }

    private static int notYet(String command, PrintStream err) {
        err.println("'" + command + "' is not available in this build.");
        return 2;
    }
}
