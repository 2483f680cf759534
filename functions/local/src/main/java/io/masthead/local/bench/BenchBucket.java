package io.masthead.local.bench;

import io.masthead.card.Preset;
import io.masthead.publish.Outputs;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The benchmark's bucket: inputs put once, outputs removed before every run (so every run
 * writes every card, as a first publish does), and a check after each invocation that the
 * article was fully published: every preset's card (the {@code og} card decoded and measured),
 * the share page and the item record, and no error record.
 */
final class BenchBucket {
    private final S3Client s3;
    private final String bucket;

    BenchBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    void put(String key, byte[] bytes, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    /** Removes everything but {@code articles/} and {@code photos/}. */
    void clearOutputs() {
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .filter(k -> !k.startsWith("articles/") && !k.startsWith("photos/"))
                .toList();
        for (String key : keys) s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** @throws IllegalStateException naming what is missing when the article is not fully published */
    void requirePublished(String slug) {
        if (exists(Outputs.error(slug))) {
            throw new IllegalStateException("publishing " + slug + " failed: " + text(Outputs.error(slug)));
        }
        List<String> cards = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(Outputs.cardsPrefix(slug))).contents()
                .stream().map(S3Object::key).toList();
        for (Preset preset : Preset.DEFAULTS) {
            String prefix = Outputs.cardsPrefix(slug) + preset.name() + "-";
            if (cards.stream().noneMatch(k -> k.startsWith(prefix) && k.endsWith(".jpg"))) {
                throw new IllegalStateException(slug + ": no " + preset.name() + " card in " + cards);
            }
        }
        String og = cards.stream().filter(k -> k.startsWith(Outputs.cardsPrefix(slug) + "og-")).findFirst().orElseThrow();
        BufferedImage image = decode(og);
        if (image.getWidth() != Preset.OG.width() || image.getHeight() != Preset.OG.height()) {
            throw new IllegalStateException(og + " is " + image.getWidth() + "x" + image.getHeight());
        }
        for (String key : List.of("share/" + slug + ".html", Outputs.item(slug))) {
            if (!exists(key)) throw new IllegalStateException(slug + ": " + key + " was not written");
        }
    }

    private BufferedImage decode(String key) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()));
            if (image == null) throw new IllegalStateException(key + " is not a readable image");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    private String text(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }
}
