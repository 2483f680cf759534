package io.masthead.local.backfill;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * How a backfill ended.
 *
 * @param resumed tasks a previous run had completed, not run again
 * @param failed  the tasks that failed for good, with the function's reason
 */
public record BackfillSummary(int total, int succeeded, int skipped, int resumed, List<TaskResult> failed,
                              long millis) {
    public BackfillSummary {
        failed = List.copyOf(failed);
    }

    public boolean ok() {
        return failed.isEmpty();
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "backfill: %d tasks in %.1f s: %d succeeded, %d skipped (unchanged), "
                        + "%d skipped (done in an earlier run), %d failed%n",
                total, millis / 1000.0, succeeded, skipped, resumed, failed.size());
        for (TaskResult f : failed) {
            out.println("  FAILED " + f.key() + "  " + f.code() + ": " + f.resultString());
        }
    }
}
