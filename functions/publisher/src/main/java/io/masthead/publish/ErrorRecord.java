package io.masthead.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.masthead.article.ArticleException;

import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code errors/{slug}.json}: why the last attempt at an article failed, for the newsroom. */
final class ErrorRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorRecord() {
    }

    static byte[] json(String key, String slug, ArticleException e) {
        ObjectNode node = JSON.createObjectNode()
                .put("article", key)
                .put("slug", slug)
                .put("field", e.field())
                .put("problem", e.problem())
                .put("message", e.getMessage());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
