package io.masthead.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes item records ({@code items/{slug}.json}). Output is deterministic (sorted
 * map keys, ISO dates with their offsets) so an unchanged item keeps its bytes and ETag.
 */
public final class ItemCodec {
    /** Shared with {@link FeedState}: dates with their offsets, sorted map keys, unknown fields ignored. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ItemCodec() {
    }

    public static byte[] write(FeedItem item) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FeedItem read(byte[] json) {
        try {
            return JSON.readValue(json, FeedItem.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an item record: " + e.getMessage(), e);
        }
    }
}
