package io.masthead.local.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime API stand-in, driven over HTTP as a runtime drives Lambda's. */
class RuntimeApiTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void handsAnEventToTheRuntimeAndTimesItsResponse() throws Exception {
        Process self = new ProcessBuilder("sleep", "30").start();
        try (RuntimeApi api = RuntimeApi.start("PublishFunction")) {
            String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
            CompletableFuture<HttpResponse<String>> next = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + "next")).GET().build(), HttpResponse.BodyHandlers.ofString());
            long ready = api.awaitReady(self, Duration.ofSeconds(10));
            assertTrue(ready > 0);

            CompletableFuture<RuntimeApi.Invocation> invocation = CompletableFuture.supplyAsync(() -> {
                try {
                    return api.invoke("{\"Records\":[]}".getBytes(), self, Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpResponse<String> event = next.get();
            assertEquals(200, event.statusCode());
            assertEquals("{\"Records\":[]}", event.body());
            String id = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertTrue(Long.parseLong(event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()) > System.currentTimeMillis());
            assertTrue(event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow().endsWith(":function:PublishFunction"));

            Thread.sleep(50);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + id + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofString("null")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, posted.statusCode());
            RuntimeApi.Invocation done = invocation.get();
            assertEquals(id, done.requestId());
            assertFalse(done.failed());
            assertEquals("null", done.body());
            assertTrue(done.millis() >= 50, "timed from hand-over to response: " + done.millis());
        } finally {
            self.destroy();
        }
    }

    @Test
    void anInitErrorEndsTheWaitWithItsMessage() throws Exception {
        Process runtime = new ProcessBuilder("sleep", "30").start();
        try (RuntimeApi api = RuntimeApi.start("PublishFunction")) {
            http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\"}")).build(), HttpResponse.BodyHandlers.ofString());
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> api.awaitReady(runtime, Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("boom"), e.getMessage());
        } finally {
            runtime.destroy();
        }
    }
}
