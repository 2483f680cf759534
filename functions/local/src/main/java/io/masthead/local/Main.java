package io.masthead.local;

import io.masthead.local.backfill.BackfillCommand;
import io.masthead.local.bench.ColdStartBench;
import io.masthead.local.bench.ServeLatencyBench;
import io.masthead.local.cards.CardBench;
import io.masthead.local.cards.RenderCommand;
import io.masthead.local.load.LoadBench;
import io.masthead.local.tooling.CommandOptions;
import io.masthead.local.tooling.EventCommand;
import io.masthead.local.tooling.InvokeCommand;

import java.io.PrintStream;
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
              render   render every card and the render report for one article from files, without S3
                       ARTICLE [--photo FILE] --out DIR
              bench    benchmarks that print numbers (see docs/benchmarks.md)
                       cards [--warmup N] [--runs N] PHOTO...   the og card and every preset, one JSON line per photo
                       cold                                     the publisher's cold start as Lambda starts it
                       serve [--uploads 20]                     upload to feeds updated, through serve
                       load [--articles 300] [--uploaders 16]   parallel publishing through the local triggers
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
                case "render" -> RenderCommand.run(rest);
                case "invoke" -> new InvokeCommand(out, err, System.getenv()).run(rest);
                case "event" -> new EventCommand(out, err).run(rest);
                case "backfill" -> new BackfillCommand(out, err, System.console() != null)
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
        } catch (CommandOptions.UsageException e) {
            err.println(args.get(0) + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(args.get(0) + " failed: " + e);
            return 1;
        }
    }

    private static int bench(List<String> args, PrintStream err) throws Exception {
        String which = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        return switch (which) {
            case "cards" -> CardBench.run(rest);
            case "cold" -> ColdStartBench.run(rest);
            case "serve" -> ServeLatencyBench.run(rest);
            case "load" -> LoadBench.run(rest);
            default -> {
                err.println("usage: ./masthead bench cards|cold|serve|load [options]");
                yield 2;
            }
        };
    }
}
