package io.masthead.local.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.local.lambda.Invocation;
import io.masthead.local.lambda.LocalFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a backfill the way S3 Batch Operations does: the manifest's tasks, in batches, as
 * schema-2.0 events to the backfill function, several invocations at once, temporary failures
 * retried. Keys already in the progress file are not run again; each batch's finished keys are
 * added to it as the batch completes.
 *
 * @param attempts how often a task that fails temporarily is tried before it counts as failed
 */
public record BackfillJob(LocalFunction function, int batchSize, int concurrency, boolean onlyCards, int attempts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BackfillSummary run(BatchManifest manifest, ProgressFile progress, ProgressBar bar) throws InterruptedException {
        long start = System.nanoTime();
        Set<String> completed = progress.completed();
        List<BatchTask> todo = new ArrayList<>();
        for (int i = 0; i < manifest.keys().size(); i++) {
            String key = manifest.keys().get(i);
            if (!completed.contains(key)) {
                todo.add(new BatchTask(BatchOperationsEvent.taskId(i), manifest.bucket(), key));
            }
        }
        int resumed = manifest.keys().size() - todo.size();
        String jobId = UUID.randomUUID().toString();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failedCount = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        List<TaskResult> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        bar.update(0, todo.size(), 0);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "backfill");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < todo.size(); from += batchSize) {
                List<BatchTask> batch = todo.subList(from, Math.min(todo.size(), from + batchSize));
                batches.add(pool.submit(() -> {
                    List<TaskResult> results = runWithRetries(jobId, batch);
                    List<String> finished = new ArrayList<>();
                    for (TaskResult r : results) {
                        if (r.succeeded()) {
                            (r.skipped() ? skipped : succeeded).incrementAndGet();
                            finished.add(r.key());
                        } else {
                            failed.add(r);
                            failedCount.incrementAndGet();
                        }
                    }
                    progress.record(finished);
                    bar.update(done.addAndGet(batch.size()), todo.size(), failedCount.get());
                }));
            }
            for (Future<?> f : batches) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("backfill batch failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            bar.finish();
        }
        List<TaskResult> failures = new ArrayList<>(failed);
        failures.sort(java.util.Comparator.comparing(TaskResult::key));
        return new BackfillSummary(manifest.keys().size(), succeeded.get(), skipped.get(), resumed, failures,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** One batch; tasks that failed temporarily go again, as Batch Operations retries them. */
    private List<TaskResult> runWithRetries(String jobId, List<BatchTask> batch) {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        List<BatchTask> pending = batch;
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            Map<String, TaskResult> answered = invoke(jobId, pending);
            List<BatchTask> again = new ArrayList<>();
            for (BatchTask task : pending) {
                TaskResult r = answered.get(task.taskId());
                results.put(task.taskId(), r);
                if (r.temporary()) {
                    again.add(task);
                }
            }
            pending = again;
        }
        return new ArrayList<>(results.values());
    }

    private Map<String, TaskResult> invoke(String jobId, List<BatchTask> tasks) {
        Invocation invocation = function.invoke(BatchOperationsEvent.of(jobId, tasks, onlyCards),
                "batch of " + tasks.size());
        Map<String, TaskResult> byTask = new LinkedHashMap<>();
        JsonNode response = null;
        if (invocation.succeeded() && invocation.result() != null) {
            try {
                response = JSON.readTree(invocation.result());
            } catch (Exception e) {
                response = null;
            }
        }
        String treatMissing = response == null ? "TemporaryFailure"
                : response.path("treatMissingKeysAs").asText("PermanentFailure");
        if (response != null) {
            for (JsonNode r : response.path("results")) {
                String id = r.path("taskId").asText();
                tasks.stream().filter(t -> t.taskId().equals(id)).findFirst().ifPresent(t -> byTask.put(id,
                        new TaskResult(t.key(), r.path("resultCode").asText(), r.path("resultString").asText(""))));
            }
        }
        String why = invocation.succeeded() ? "no result for this task" : "function error: " + invocation.error();
        for (BatchTask t : tasks) {
            byTask.computeIfAbsent(t.taskId(), id -> new TaskResult(t.key(), treatMissing, why));
        }
        return byTask;
    }
}
