package io.masthead.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilesystemEndpointTest {
    @TempDir
    Path dataDir;

    @Test
    void keepsObjectsAsPlainFilesAcrossRestarts() throws Exception {
        List<ObjectChange> changes = new ArrayList<>();
        try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.onDisk(0, "masthead", dataDir));
             S3Client s3 = endpoint.newClient()) {
            assertTrue(endpoint.port() > 0);
            assertEquals("http://127.0.0.1:" + endpoint.port() + "/masthead", endpoint.bucketUrl());
            endpoint.addListener(changes::add);
            s3.putObject(b -> b.bucket("masthead").key("share/my story.html").contentType("text/html"),
                    RequestBody.fromString("<html>story</html>"));
            Path file = endpoint.fileOf("share/my story.html").orElseThrow();
            assertEquals(dataDir.resolve("masthead/share/my story.html"), file);
            assertEquals("<html>story</html>", Files.readString(file));
        }
        try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.onDisk(0, "masthead", dataDir));
             S3Client s3 = endpoint.newClient()) {
            endpoint.addListener(changes::add);
            var got = s3.getObjectAsBytes(b -> b.bucket("masthead").key("share/my story.html"));
            assertEquals("<html>story</html>", got.asUtf8String());
            assertEquals("text/html", got.response().contentType());
            s3.deleteObject(b -> b.bucket("masthead").key("share/my story.html"));
            assertTrue(Files.notExists(dataDir.resolve("masthead/share/my story.html")));
        }
        assertEquals(2, changes.size());
        assertTrue(ObjectChange.compareSequencers(changes.get(0).sequencer(), changes.get(1).sequencer()) < 0,
                "the sequencer keeps increasing after a restart: " + changes);
    }

    @Test
    void servesRoutesBesideTheS3Api() throws Exception {
        HttpServlet hello = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                response.setContentType("text/plain");
                response.getWriter().write("preview of " + request.getRequestURI());
            }
        };
        try (S3Endpoint endpoint = S3Endpoint.start(EndpointOptions.inMemory("masthead"),
                List.of(new Route("/_preview/", hello)));
             S3Client s3 = endpoint.newClient()) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint.uri() + "/_preview/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("preview of /_preview/index.html", page.body());

            s3.putObject(b -> b.bucket("masthead").key("a.txt"), RequestBody.fromString("s3 still works"));
            assertEquals("s3 still works", s3.getObjectAsBytes(b -> b.bucket("masthead").key("a.txt")).asUtf8String());
        }
    }

    @Test
    void refusesABusyPortClearly() {
        try (S3Endpoint first = S3Endpoint.start(EndpointOptions.inMemory("masthead"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> S3Endpoint.start(new EndpointOptions(first.port(), "masthead", null)).close());
            assertTrue(e.getMessage().contains(String.valueOf(first.port())), e.getMessage());
            assertNotEquals(0, first.port());
        }
    }
}
