package io.masthead.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

class ConcurrentRequestsTest {

    @Test
    void requestsRunAtOnceAndResultsKeepTheirOrder() {
        // each request waits for all three to have started: they can only finish if they run at once
        CountDownLatch started = new CountDownLatch(3);
        Supplier<String> a = () -> awaitAll(started, "a");
        Supplier<String> b = () -> awaitAll(started, "b");
        Supplier<String> c = () -> awaitAll(started, "c");
        assertEquals(List.of("a", "b", "c"), ConcurrentRequests.all(List.of(a, b, c)));
    }

    @Test
    void aFailureIsThrownOnlyOnceEveryRequestHasFinished() {
        Set<String> finished = ConcurrentHashMap.newKeySet();
        IllegalStateException failure = new IllegalStateException("503 Slow Down");
        Supplier<String> fails = () -> {
            throw failure;
        };
        Supplier<String> slow = () -> {
            sleep(300);
            finished.add("slow");
            return "slow";
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ConcurrentRequests.all(List.of(fails, slow)));
        assertSame(failure, thrown, "the request's own exception, not a wrapper");
        assertEquals(Set.of("slow"), finished, "the slow request had finished when all() gave up");
    }

    private static String awaitAll(CountDownLatch started, String result) {
        started.countDown();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) throw new AssertionError("requests ran one after another");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
