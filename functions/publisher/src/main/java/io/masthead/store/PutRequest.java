package io.masthead.store;

/** What to write: the key, the bytes and the headers every output carries. */
public record PutRequest(String key, byte[] bytes, String contentType, String cacheControl) {

    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    public static final String SHORT = "public, max-age=300";
    public static final String NO_CACHE = "no-cache";
}
