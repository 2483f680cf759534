package io.masthead.endpoint;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Racing writers over HTTP: conditional writes must be atomic, as on S3. */
class ConditionalWriteRaceTest {
    private static final int THREADS = 8;

    @TempDir
    Path dataDir;

    private S3Endpoint start(String store) {
        return S3Endpoint.start("disk".equals(store)
                ? EndpointOptions.onDisk(0, "race", dataDir)
                : EndpointOptions.inMemory("race"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk"})
    void ifMatchCounterLosesNoUpdate(String store) throws Exception {
        int incrementsPerThread = 15;
        try (S3Endpoint endpoint = start(store); S3Client s3 = endpoint.newClient()) {
            s3.putObject(b -> b.bucket("race").key("counter"), RequestBody.fromString("0"));
            AtomicInteger successfulPuts = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();

            List<Integer> done = runTogether(THREADS, thread -> {
                int mine = 0;
                while (mine < incrementsPerThread) {
                    ResponseBytes<GetObjectResponse> current =
                            s3.getObjectAsBytes(b -> b.bucket("race").key("counter"));
                    int value = Integer.parseInt(current.asUtf8String());
                    try {
                        s3.putObject(b -> b.bucket("race").key("counter").ifMatch(current.response().eTag()),
                                RequestBody.fromString(Integer.toString(value + 1)));
                        successfulPuts.incrementAndGet();
                        mine++;
                    } catch (S3Exception e) {
                        if (e.statusCode() != 412) {
                            throw e;
                        }
                        conflicts.incrementAndGet();
                    }
                }
                return mine;
            });

            int finalValue = Integer.parseInt(s3.getObjectAsBytes(b -> b.bucket("race").key("counter")).asUtf8String());
            assertEquals(THREADS * incrementsPerThread, done.stream().mapToInt(Integer::intValue).sum());
            assertEquals(successfulPuts.get(), finalValue,
                    "every successful conditional put is one increment (" + conflicts.get() + " conflicts)");
            assertTrue(conflicts.get() > 0, "the writers really raced");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk"})
    void ifNoneMatchStarHasExactlyOneWinnerPerKey(String store) throws Exception {
        int keys = 20;
        try (S3Endpoint endpoint = start(store); S3Client s3 = endpoint.newClient()) {
            List<List<Integer>> winsPerThread = runTogether(THREADS, thread -> {
                List<Integer> won = new ArrayList<>();
                for (int k = 0; k < keys; k++) {
                    String key = "claim/" + k;
                    try {
                        s3.putObject(b -> b.bucket("race").key(key).ifNoneMatch("*"),
                                RequestBody.fromString("thread-" + thread));
                        won.add(k);
                    } catch (S3Exception e) {
                        if (e.statusCode() != 412) {
                            throw e;
                        }
                    }
                }
                return won;
            });

            for (int k = 0; k < keys; k++) {
                List<Integer> winners = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    if (winsPerThread.get(t).contains(k)) {
                        winners.add(t);
                    }
                }
                assertEquals(1, winners.size(), "winners of claim/" + k + ": " + winners);
                int key = k;
                assertEquals("thread-" + winners.get(0),
                        s3.getObjectAsBytes(b -> b.bucket("race").key("claim/" + key)).asUtf8String());
            }
        }
    }

    interface Worker<T> {
        T run(int thread) throws Exception;
    }

    private static <T> List<T> runTogether(int threads, Worker<T> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<T> task = () -> {
                    start.await();
                    return worker.run(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
