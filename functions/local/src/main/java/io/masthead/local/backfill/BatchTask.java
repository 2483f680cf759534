package io.masthead.local.backfill;

/** One task of the job: an object the manifest names, with the id Batch Operations gives it. */
public record BatchTask(String taskId, String bucket, String key) {
}
