package io.masthead.local.backfill;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Batch Operations CSV manifest ({@code bucket,key} per line, keys URL-encoded), built by
 * listing the bucket, as an inventory report or {@code aws s3api list-objects-v2} would.
 */
public record BatchManifest(String bucket, List<String> keys) {
    public BatchManifest {
        keys = List.copyOf(keys);
    }

    public static BatchManifest list(S3Client s3, String bucket, String prefix) {
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .filter(k -> !k.endsWith("/"))
                .sorted()
                .toList();
        return new BatchManifest(bucket, keys);
    }

    public void write(Path file) {
        StringBuilder csv = new StringBuilder();
        for (String key : keys) {
            csv.append(bucket).append(',').append(BatchOperationsEvent.encodeKey(key)).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest " + file, e);
        }
    }

    static String decode(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
