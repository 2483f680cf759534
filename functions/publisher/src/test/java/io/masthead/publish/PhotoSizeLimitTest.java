package io.masthead.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.masthead.article.ArticleParser;
import io.masthead.card.CardRenderer;
import io.masthead.card.Preset;
import io.masthead.endpoint.TestEndpoint;
import io.masthead.feed.FeedItemMapper;
import io.masthead.page.SharePageRenderer;
import io.masthead.site.Site;
import io.masthead.store.S3Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A photo file over the publisher's limit is refused from its size, before its body is read. */
class PhotoSizeLimitTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("photo-size-test");
    static final Site SITE = new Site("The Daily Example", "https://news.example.com", FeedTestItems.PUBLIC, 10, null, null, null);
    static final long LIMIT = 200_000;

    @Test
    void aPhotoOverTheLimitIsAnErrorAndTheEarlierOutputsStay() throws Exception {
        S3Store store = new S3Store(S3.client(), S3.bucket());
        Publisher publisher = new Publisher(store, new ArticleParser(SITE), new CardRenderer(SITE, Preset.DEFAULTS),
                new SharePageRenderer(SITE), new FeedItemMapper(SITE), new EventLog(line -> { }), LIMIT);
        upload("photos/rocket.jpg", Files.readAllBytes(Path.of("../../events/photos/rocket.jpg"))); // 112,525 bytes
        upload("articles/launch.json", article("2026-03-01T12:00:00Z", "photos/rocket.jpg"));
        OffsetDateTime now = OffsetDateTime.parse("2026-03-01T12:00:00Z");
        assertEquals(Outcome.Kind.PUBLISHED, publisher.publish("articles/launch.json", now, "01").kind());
        Map<String, String> before = outputs();

        byte[] big = new byte[(int) LIMIT + 1];
        new Random(1).nextBytes(big);
        upload("photos/big.jpg", big);
        upload("articles/launch.json", article("2026-03-02T12:00:00Z", "photos/big.jpg"));
        Outcome outcome = publisher.publish("articles/launch.json", now, "02");

        assertEquals(Outcome.Kind.REJECTED, outcome.kind(), outcome.toString());
        JsonNode error = new ObjectMapper().readTree(store.get(Outputs.error("launch")).orElseThrow().bytes());
        assertEquals("photo", error.get("field").asText());
        assertEquals("photos/big.jpg is 200001 bytes; the limit for a photo is 200000", error.get("problem").asText());
        Map<String, String> after = outputs();
        after.remove(Outputs.error("launch"));
        assertEquals(before, after, "a rejected article changes nothing but its error record");
    }

    private static byte[] article(String updated, String photo) {
        return ("{\"headline\": \"A launch at dawn\", \"slug\": \"launch\", \"updated\": \"" + updated
                + "\", \"photo\": {\"key\": \"" + photo + "\", \"credit\": \"SpaceX\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static void upload(String key, byte[] bytes) {
        S3.client().putObject(b -> b.bucket(S3.bucket()).key(key), RequestBody.fromBytes(bytes));
    }

    /** Every output's ETag: what a rejected publish must leave as it was. */
    private static Map<String, String> outputs() {
        return S3.client().listObjectsV2Paginator(b -> b.bucket(S3.bucket())).contents().stream()
                .filter(o -> !o.key().startsWith("articles/") && !o.key().startsWith("photos/"))
                .collect(Collectors.toMap(S3Object::key, S3Object::eTag));
    }
}
