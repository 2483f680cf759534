package io.masthead.article;

/** An author: a name and, optionally, a profile URL (empty when unknown). */
public record Author(String name, String url) {
    public Author {
        url = url == null ? "" : url;
    }
}
