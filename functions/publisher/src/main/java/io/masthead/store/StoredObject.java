package io.masthead.store;

/** An object read from the bucket: its bytes, ETag and Content-Type. */
public record StoredObject(String key, byte[] bytes, String etag, String contentType) {
}
