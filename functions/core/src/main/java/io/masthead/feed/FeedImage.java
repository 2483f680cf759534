package io.masthead.feed;

/** An image an item points to: absolute URL, pixel size, MIME type and bytes. */
public record FeedImage(String url, int width, int height, String type, long bytes) {
}
