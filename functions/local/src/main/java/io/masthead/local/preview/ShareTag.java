package io.masthead.local.preview;

/** One tag of a share page's head as a crawler reads it, e.g. {@code meta property=og:title}. */
public record ShareTag(String element, String name, String value) {
}
