package io.masthead.event;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Init work on a second thread: its result, or its failure, reaches the constructor that joins it. */
class ParallelInitTest {

    @Test
    void joinReturnsWhatTheOtherThreadBuilt() {
        ParallelInit<String> built = ParallelInit.start("greeting", () -> Thread.currentThread().getName());
        String thread = built.join();
        assertEquals("init-greeting", thread);
        assertNotEquals(Thread.currentThread().getName(), thread);
    }

    @Test
    void aFailureIsThrownByJoinNamingWhatWasBeingBuilt() {
        ParallelInit<String> failing = ParallelInit.start("S3 client", () -> {
            throw new IllegalArgumentException("no region");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, failing::join);
        assertEquals("building the S3 client failed: no region", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void aHandlerWhoseS3ClientCannotBeBuiltFailsAtConstructionInsteadOfHanging() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "BUCKET_NAME", "masthead", "S3_MAX_ATTEMPTS", "five");
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, () -> new PublishHandler(env)));
        assertTrue(e.getMessage().startsWith("building the S3 client failed: "), e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
    }
}
