package io.masthead.local.backfill;

/**
 * What the function answered for one task.
 *
 * @param code {@code Succeeded}, {@code TemporaryFailure} or {@code PermanentFailure}, as in S3BatchResponse
 */
public record TaskResult(String key, String code, String resultString) {
    public boolean succeeded() {
        return code.equals("Succeeded");
    }

    public boolean temporary() {
        return code.equals("TemporaryFailure");
    }

    /** A success that changed nothing (e.g. {@code onlyCards} and the cards were current). */
    public boolean skipped() {
        return succeeded() && (resultString.startsWith("skipped") || resultString.startsWith("stale"));
    }
}
