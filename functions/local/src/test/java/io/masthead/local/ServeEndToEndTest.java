package io.masthead.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives what {@code serve} runs (endpoint, template triggers, real handlers) the way a client
 * does: upload a photo and an article with the SDK, then read back what the functions wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events");
    private static final String SLUG = "iraq-coalition-mission";
    private static final String ARTICLE = "articles/" + SLUG + ".json";

    @TempDir
    static Path data;

    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();
    private static LocalDeployment deployment;
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void serve() {
        LocalOptions options = LocalOptions.defaults(TemplateContractTest.TEMPLATE,
                        new PrintStream(PRINTED, true, StandardCharsets.UTF_8))
                .withPort(0).withDataDir(data).withDelays(Duration.ofMillis(200), Duration.ofMillis(300));
        deployment = LocalDeployment.start(options);
        s3 = deployment.endpoint().newClient();
        bucket = deployment.endpoint().bucket();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void publishesAnUploadedArticle() throws Exception {
        JsonNode article = JSON.readTree(EVENTS.resolve("articles/" + SLUG + ".json").toFile());
        String photoKey = article.path("photo").path("key").asText();
        put(photoKey, Files.readAllBytes(EVENTS.resolve(photoKey)), "image/jpeg");
        put(ARTICLE, JSON.writeValueAsBytes(article), "application/json");
        settle();

        String page = text("share/" + SLUG + ".html");
        assertTrue(page.contains("og:title"), page);
        assertTrue(page.contains(escapeHtml(article.path("headline").asText())), "headline on the share page");
        String cardUrl = meta(page, "og:image");
        assertTrue(cardUrl.startsWith(deployment.endpoint().bucketUrl() + "/cards/" + SLUG + "/og-"), cardUrl);

        // The card is served at its public URL, and it is a real 1200x630 image.
        HttpResponse<byte[]> card = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cardUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, card.statusCode());
        assertEquals("image/jpeg", card.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(card.body()));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());

        assertTrue(exists("items/" + SLUG + ".json"));
        assertTrue(text("feeds/rss.xml").contains(escapeXml(article.path("headline").asText())));
        assertEquals(1, feedItems().size());
        assertTrue(keys("errors/").isEmpty(), "no error records");
        assertNoFailures();
        // Files a person can browse.
        assertTrue(Files.isRegularFile(data.resolve(bucket).resolve("share/" + SLUG + ".html")));
    }

    @Test
    @Order(2)
    void republishingReplacesTheOutputs() throws Exception {
        List<String> cardsBefore = keys("cards/" + SLUG + "/");
        ObjectNode article = (ObjectNode) JSON.readTree(EVENTS.resolve("articles/" + SLUG + ".json").toFile());
        article.put("headline", "Iraq and the coalition agree on a timetable");
        article.put("updated", "2024-01-06T09:00:00Z");
        put(ARTICLE, JSON.writeValueAsBytes(article), "application/json");
        settle();

        String page = text("share/" + SLUG + ".html");
        assertTrue(page.contains("Iraq and the coalition agree on a timetable"), "new headline on the share page");
        List<String> cardsAfter = keys("cards/" + SLUG + "/");
        assertEquals(cardsBefore.size(), cardsAfter.size(), "one card per preset, old ones removed: " + cardsAfter);
        assertFalse(cardsAfter.contains(cardsBefore.stream().filter(k -> k.contains("/og-")).findFirst().orElseThrow()),
                "the old og card, rendered with the old headline, is gone");
        assertTrue(exists(meta(page, "og:image").substring(deployment.endpoint().bucketUrl().length() + 1)));
        List<JsonNode> items = feedItems();
        assertEquals(1, items.size());
        assertEquals("Iraq and the coalition agree on a timetable", items.get(0).path("title").asText());
        assertNoFailures();
    }

    @Test
    @Order(3)
    void aKeyWithSpacesIsPublishedUnderItsSlug() throws Exception {
        ObjectNode article = JSON.createObjectNode().put("headline", "A short story with no photo");
        put("articles/Short Story.json", JSON.writeValueAsBytes(article), "application/json");
        settle();
        assertTrue(exists("share/short-story.html"), keys("").toString());
        assertEquals(2, feedItems().size());
        assertNoFailures();
    }

    @Test
    @Order(4)
    void aBadArticleWritesAnErrorRecordAndNothingElse() throws Exception {
        put("articles/broken.json", "{ this is not json".getBytes(StandardCharsets.UTF_8), "application/json");
        settle();
        assertTrue(exists("errors/broken.json"));
        assertTrue(keys("share/broken").isEmpty() && keys("cards/broken/").isEmpty() && !exists("items/broken.json"));
        assertEquals(2, feedItems().size());
        assertNoFailures();
    }

    @Test
    @Order(5)
    void deletingTheArticleUnpublishesIt() throws Exception {
        s3.deleteObject(b -> b.bucket(bucket).key(ARTICLE));
        settle();
        assertFalse(exists("share/" + SLUG + ".html"));
        assertFalse(exists("items/" + SLUG + ".json"));
        assertEquals(List.of(), keys("cards/" + SLUG + "/"));
        List<JsonNode> items = feedItems();
        assertEquals(1, items.size(), "only the short story is left in the feed");
        assertFalse(text("feeds/rss.xml").contains("Iraq and the coalition"));
        assertNoFailures();
    }

    private static void settle() throws InterruptedException {
        assertTrue(deployment.awaitSettled(Duration.ofMinutes(3)), "triggers settle; log:\n" + PRINTED);
    }

    private static void assertNoFailures() {
        assertEquals(List.of(), deployment.failedEvents().stream().map(i -> i.function() + " " + i.trigger() + ": "
                + i.error()).toList(), "invocations that failed every attempt; log:\n" + PRINTED);
        deployment.deadLetters().forEach((queue, messages) ->
                assertTrue(messages.isEmpty(), messages.size() + " dead letters in " + queue + "; log:\n" + PRINTED));
    }

    private static void put(String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    private static String text(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    private static boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static List<JsonNode> feedItems() throws Exception {
        JsonNode feed = JSON.readTree(text("feeds/feed.json"));
        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
        List<JsonNode> items = new java.util.ArrayList<>();
        feed.path("items").forEach(items::add);
        return items;
    }

    private static String meta(String html, String property) {
        Matcher m = Pattern.compile("<meta[^>]+property=\"" + Pattern.quote(property) + "\"[^>]+content=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(m.find(), property + " in " + html);
        return m.group(1).replace("&amp;", "&");
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String escapeXml(String s) {
        return escapeHtml(s);
    }
}
