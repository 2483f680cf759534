package io.masthead.event;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.card.Preset;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.feed.FeedItem;
import io.masthead.feed.ItemCodec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publish and unpublish handlers against a real S3-compatible endpoint, driven by real event JSON. */
class PublishHandlerTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("masthead");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLUG = "iraq-coalition-mission";

    @TempDir
    Path tmp;
    private PublishHandler publish;
    private UnpublishHandler unpublish;
    private final TestContext context = new TestContext();

    @BeforeEach
    void freshBucketAndContainer() throws IOException {
        S3.clear();
        Map<String, String> env = environment();
        publish = new PublishHandler(env);
        unpublish = new UnpublishHandler(env);
        upload("articles/" + SLUG + ".json", Files.readAllBytes(Path.of("../../events/articles/" + SLUG + ".json")));
        upload("photos/rocket.jpg", Files.readAllBytes(Path.of("../../events/photos/rocket.jpg")));
    }

    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(S3.endpoint().clientEnvironment());
        env.put("BUCKET_NAME", "masthead");
        env.put("SITE_NAME", "Masthead News");
        env.put("SITE_URL", "https://news.example.com");
        env.put("PUBLIC_BASE_URL", "https://cdn.example.com");
        return env;
    }

    @ParameterizedTest
    @Event(value = "../../events/s3-put-article.json", type = S3Event.class)
    void publishesCardsSharePageAndItemFromTheSampleEvent(S3Event event) throws IOException {
        publish.handleRequest(event, context);

        List<String> cards = keys("cards/" + SLUG + "/");
        String og = cards.stream().filter(k -> k.matches("cards/" + SLUG + "/og-[0-9a-f]{12,}\\.jpg")).findFirst().orElseThrow();
        BufferedImage card = ImageIO.read(new ByteArrayInputStream(read(og)));
        assertEquals(1200, card.getWidth());
        assertEquals(630, card.getHeight());
        assertHeaders(og, "image/jpeg", "immutable");

        Document page = Jsoup.parse(new String(read("share/" + SLUG + ".html"), StandardCharsets.UTF_8));
        assertEquals("Iraq prepares to close down US-led coalition’s mission - PM statement", meta(page, "og:title"));
        assertEquals("https://cdn.example.com/" + og, meta(page, "og:image"));
        assertEquals("https://news.example.com/" + SLUG, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertHeaders("share/" + SLUG + ".html", "text/html", "max-age=");

        FeedItem item = ItemCodec.read(read("items/" + SLUG + ".json"));
        assertEquals("https://cdn.example.com/" + og, item.image().url());
        assertEquals("World", item.section());
        assertEquals("SpaceX", item.photoCredit());
        assertEquals("0065A1B2C3D4E5F601", item.sequencer());
        assertTrue(item.contentHtml().contains("The Iraqi government is forming a committee"));
        assertFalse(exists("errors/" + SLUG + ".json"));
        assertTrue(context.lines.stream().anyMatch(l -> l.contains("\"published\"")), context.lines.toString());
    }

    @Test
    void sameArticleTwiceWritesTheSameBytes() throws IOException {
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "01"), context);
        byte[] item = read("items/" + SLUG + ".json");
        List<String> cards = keys("cards/");
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "01"), context);
        assertEquals(new String(item, StandardCharsets.UTF_8), new String(read("items/" + SLUG + ".json"), StandardCharsets.UTF_8));
        assertEquals(cards, keys("cards/"));
    }

    @Test
    void aCardTheBucketAlreadyHoldsIsNotWrittenAgain() throws IOException {
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "01"), context);
        long cardWrites = cardWrites();
        assertEquals(Preset.DEFAULTS.size(), cardWrites, "the first publish writes every card");
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "02"), context);
        assertEquals(cardWrites, cardWrites(), "the same cards, named by their content, are not written twice");
        assertEquals(Preset.DEFAULTS.size(), keys("cards/" + SLUG + "/").size());
    }

    private static long cardWrites() {
        return S3.changes().stream().filter(c -> c.created() && c.key().startsWith("cards/")).count();
    }

    @Test
    void republishingReplacesOutputsAndRemovesTheOldCards() throws IOException {
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "01"), context);
        List<String> before = keys("cards/" + SLUG + "/");

        JsonNode article = JSON.readTree(read("articles/" + SLUG + ".json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) article).put("headline", "Iraq sets a date for the coalition talks");
        ((com.fasterxml.jackson.databind.node.ObjectNode) article).put("updated", "2024-01-06T08:00:00Z");
        upload("articles/" + SLUG + ".json", JSON.writeValueAsBytes(article));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "02"), context);

        List<String> after = keys("cards/" + SLUG + "/");
        assertEquals(before.size(), after.size());
        for (String preset : List.of("og", "square", "story")) { // the cards that carry the headline
            String prefix = "cards/" + SLUG + "/" + preset + "-";
            assertEquals(1, after.stream().filter(k -> k.startsWith(prefix)).count(), after.toString());
            assertTrue(after.stream().filter(k -> k.startsWith(prefix)).noneMatch(before::contains), "new headline, new name: " + preset);
        }
        assertTrue(after.stream().filter(k -> k.contains("/photo-")).allMatch(before::contains), "crops without text keep their bytes and names");
        assertEquals("Iraq sets a date for the coalition talks", ItemCodec.read(read("items/" + SLUG + ".json")).title());
    }

    @Test
    void anOlderVersionArrivingLateDoesNotOverwriteANewerOne() throws IOException {
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "05"), context);
        byte[] newer = read("items/" + SLUG + ".json");
        JsonNode article = JSON.readTree(read("articles/" + SLUG + ".json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) article).put("headline", "An older headline");
        ((com.fasterxml.jackson.databind.node.ObjectNode) article).put("updated", "2024-01-05T15:00:00Z");
        upload("articles/" + SLUG + ".json", JSON.writeValueAsBytes(article));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "04"), context);
        assertEquals(new String(newer, StandardCharsets.UTF_8), new String(read("items/" + SLUG + ".json"), StandardCharsets.UTF_8));
    }

    @Test
    void badInputWritesAnErrorAndLeavesEarlierOutputsIntact() throws IOException {
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "01"), context);
        Map<String, String> before = snapshot();

        upload("articles/" + SLUG + ".json", "{\"section\": \"World\"}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "02"), context);

        JsonNode error = JSON.readTree(read("errors/" + SLUG + ".json"));
        assertEquals("headline", error.get("field").asText());
        assertEquals("is required", error.get("problem").asText());
        assertEquals("articles/" + SLUG + ".json", error.get("article").asText());
        Map<String, String> after = snapshot();
        after.remove("errors/" + SLUG + ".json");
        assertEquals(before, after, "a rejected article changes nothing but its error record");
        assertTrue(context.lines.stream().anyMatch(l -> l.contains("\"ERROR\"") && l.contains("headline")), context.lines.toString());

        // fixing the article removes the error record
        upload("articles/" + SLUG + ".json", Files.readAllBytes(Path.of("../../events/articles/" + SLUG + ".json")));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "03"), context);
        assertFalse(exists("errors/" + SLUG + ".json"));
    }

    @Test
    void aMissingPhotoOrOneThatIsNotAnImageIsAnErrorForTheArticle() throws IOException {
        upload("articles/no-photo.json", "{\"headline\":\"h\",\"photo\":{\"key\":\"photos/missing.jpg\"}}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/no-photo.json", "01"), context);
        JsonNode error = JSON.readTree(read("errors/no-photo.json"));
        assertEquals("photo.key", error.get("field").asText());
        assertTrue(error.get("problem").asText().contains("photos/missing.jpg"));

        upload("photos/fake.jpg", "this is text, not a JPEG".getBytes(StandardCharsets.UTF_8));
        upload("articles/fake-photo.json", "{\"headline\":\"h\",\"photo\":{\"key\":\"photos/fake.jpg\"}}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/fake-photo.json", "01"), context);
        assertTrue(JSON.readTree(read("errors/fake-photo.json")).get("field").asText().startsWith("photo"));
        assertTrue(keys("cards/").stream().noneMatch(k -> k.contains("fake-photo") || k.contains("no-photo")));
        assertFalse(exists("items/fake-photo.json"));
    }

    @Test
    void keysWithSpacesPlusAndNonAsciiArriveUrlEncodedAndWork() throws IOException {
        String key = "articles/Café + crème brûlée 2.json";
        upload(key, "{\"headline\":\"Café society\"}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(Events.put(tmp, "masthead", key, "01"), context);
        FeedItem item = ItemCodec.read(read("items/cafe-creme-brulee-2.json"));
        assertEquals("Café society", item.title());
        assertTrue(keys("cards/cafe-creme-brulee-2/").stream().anyMatch(k -> k.contains("/og-")), "text card written");

        unpublish.handleRequest(Events.delete(tmp, "masthead", key, "02"), context);
        assertTrue(exists("items/cafe-creme-brulee-2.json"), "the article still exists, so the delete event is stale");
        S3.client().deleteObject(b -> b.bucket("masthead").key(key));
        unpublish.handleRequest(Events.delete(tmp, "masthead", key, "03"), context);
        assertFalse(exists("items/cafe-creme-brulee-2.json"));
    }

    @Test
    void deletingOrWithdrawingTheArticleRemovesEveryOutput() throws IOException {
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "01"), context);
        assertFalse(keys("cards/" + SLUG + "/").isEmpty());

        JsonNode article = JSON.readTree(read("articles/" + SLUG + ".json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) article).put("status", "withdrawn");
        upload("articles/" + SLUG + ".json", JSON.writeValueAsBytes(article));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "02"), context);
        assertOutputsGone(SLUG);

        upload("articles/" + SLUG + ".json", Files.readAllBytes(Path.of("../../events/articles/" + SLUG + ".json")));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "03"), context);
        assertTrue(exists("items/" + SLUG + ".json"));
        S3.client().deleteObject(b -> b.bucket("masthead").key("articles/" + SLUG + ".json"));
        unpublish.handleRequest(Events.delete(tmp, "masthead", "articles/" + SLUG + ".json", "04"), context);
        assertOutputsGone(SLUG);
        assertTrue(keys("items/").isEmpty(), keys("items/").toString());
    }

    @Test
    void aCustomSlugIsUnpublishedWhenItsKeyIsDeletedAndRenamesCleanUp() throws IOException {
        upload("articles/draft-7.json", "{\"headline\":\"Named\",\"slug\":\"final-name\"}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/draft-7.json", "01"), context);
        assertTrue(exists("items/final-name.json"));

        upload("articles/draft-7.json", "{\"headline\":\"Named\",\"slug\":\"better-name\"}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/draft-7.json", "02"), context);
        assertTrue(exists("items/better-name.json"));
        assertOutputsGone("final-name");

        S3.client().deleteObject(b -> b.bucket("masthead").key("articles/draft-7.json"));
        unpublish.handleRequest(Events.delete(tmp, "masthead", "articles/draft-7.json", "03"), context);
        assertOutputsGone("better-name");
    }

    @Test
    void aTextPageUsesThePhotoBesideItAndKeepsItsImportReport() throws IOException {
        upload("articles/shelter-cats-text.txt", Files.readAllBytes(Path.of("../../events/articles/shelter-cats-text.txt")));
        upload("photos/shelter-cats-text.png", Files.readAllBytes(Path.of("../../events/photos/shelter-cats-text.png")));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/shelter-cats-text.txt", "01"), context);

        FeedItem item = ItemCodec.read(read("items/shelter-cats-text.json"));
        assertFalse(item.photoCredit().isEmpty(), "credit read from the page");
        JsonNode metadata = JSON.readTree(read("share/shelter-cats-text.json"));
        assertEquals("text", metadata.path("imported").path("format").asText(), metadata.toString());
        assertTrue(metadata.path("render").path("photoWidth").asInt() > 0, "the adjacent photo was used, not a text card");
    }

    @Test
    void anArticleWithoutAPublicationTimeKeepsItsFirstOneWhenRepublished() throws IOException {
        upload("articles/undated.json", "{\"headline\":\"First\"}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(Events.put(tmp, "masthead", "articles/undated.json", "01"), context);
        var first = ItemCodec.read(read("items/undated.json")).published();

        Path later = tmp.resolve("later.json");
        Files.writeString(later, Files.readString(Events.SAMPLE_PUT).replace("2024-01-05T14:20:05.000Z", "2024-02-01T00:00:00.000Z")
                .replace("articles/iraq-coalition-mission.json", "articles/undated.json"));
        upload("articles/undated.json", "{\"headline\":\"Second\"}".getBytes(StandardCharsets.UTF_8));
        publish.handleRequest(com.amazonaws.services.lambda.runtime.tests.EventLoader.loadS3Event(later.toString()), context);
        FeedItem item = ItemCodec.read(read("items/undated.json"));
        assertEquals("Second", item.title());
        assertEquals(first, item.published());
    }

    @Test
    void eventsFromAnotherBucketAreIgnored() {
        publish.handleRequest(Events.put(tmp, "someone-elses-bucket", "articles/" + SLUG + ".json", "01"), context);
        assertTrue(keys("items/").isEmpty());
        assertTrue(context.lines.stream().anyMatch(l -> l.contains("someone-elses-bucket")));
    }

    @Test
    void aTransientS3FailureThrowsSoLambdaRetries() {
        Map<String, String> env = environment();
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"); // nothing listens on the discard port
        PublishHandler unreachable = new PublishHandler(env);
        assertThrows(SdkException.class,
                () -> unreachable.handleRequest(Events.put(tmp, "masthead", "articles/" + SLUG + ".json", "01"), context));
        assertFalse(exists("errors/" + SLUG + ".json"), "a transient failure is not the article's fault");
    }

    private void assertOutputsGone(String slug) {
        assertTrue(keys("cards/" + slug + "/").isEmpty());
        for (String key : List.of("share/" + slug + ".html", "share/" + slug + ".json", "share/" + slug + ".oembed.json", "items/" + slug + ".json")) {
            assertFalse(exists(key), key);
        }
    }

    private void assertHeaders(String key, String contentType, String cacheControl) {
        HeadObjectResponse head = S3.client().headObject(b -> b.bucket("masthead").key(key));
        assertTrue(head.contentType().startsWith(contentType), key + ": " + head.contentType());
        assertTrue(head.cacheControl() != null && head.cacheControl().contains(cacheControl), key + ": " + head.cacheControl());
    }

    private static String meta(Document page, String property) {
        return page.selectFirst("meta[property=" + property + "]").attr("content");
    }

    private Map<String, String> snapshot() {
        Map<String, String> etags = new HashMap<>();
        S3.client().listObjectsV2Paginator(b -> b.bucket("masthead")).contents()
                .forEach(o -> etags.put(o.key(), o.eTag()));
        etags.keySet().removeIf(k -> k.startsWith("articles/") || k.startsWith("photos/"));
        return etags;
    }

    static void upload(String key, byte[] bytes) {
        S3.client().putObject(b -> b.bucket("masthead").key(key), RequestBody.fromBytes(bytes));
    }

    static byte[] read(String key) {
        return S3.client().getObjectAsBytes(b -> b.bucket("masthead").key(key)).asByteArray();
    }

    static boolean exists(String key) {
        return !S3.client().listObjectsV2(b -> b.bucket("masthead").prefix(key)).contents().stream()
                .filter(o -> o.key().equals(key)).toList().isEmpty();
    }

    static List<String> keys(String prefix) {
        return S3.client().listObjectsV2Paginator(b -> b.bucket("masthead").prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }
}
