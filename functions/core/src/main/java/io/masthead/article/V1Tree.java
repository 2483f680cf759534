package io.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An article JSON v1 tree being filled from another format. Remembers which source field gave
 * each article field, so the report lists the mapping and an error names the field the newsroom
 * wrote ({@code title}, {@code firstCreated}), not the v1 field it became.
 */
final class V1Tree {
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final ImportReport.Builder report;

    V1Tree(ImportReport.Builder report) {
        this.report = report;
    }

    boolean has(String field) {
        return field.startsWith("photo.") ? root.path("photo").has(field.substring(6)) : root.has(field);
    }

    /** Sets {@code field} (a v1 field, or {@code photo.x}) from {@code source} and records the mapping. */
    V1Tree put(String field, String source, JsonNode value) {
        if (field.startsWith("photo.")) {
            ObjectNode photo = root.has("photo") ? (ObjectNode) root.get("photo") : root.putObject("photo");
            photo.set(field.substring(6), value);
        } else {
            root.set(field, value);
        }
        sources.put(field, source);
        report.mapped(source, field);
        return this;
    }

    V1Tree put(String field, String source, String value) {
        return put(field, source, JsonNodeFactory.instance.textNode(value));
    }

    /** Validates and builds the article; errors name the source field. */
    Article build(ArticleParser parser, String key, OffsetDateTime eventTime) {
        if (!has("slug")) report.guess("slug: from the object key");
        if (!has("published") && !report.hasGuess("published:")) report.guess("published: the upload time");
        try {
            return parser.fromJson(key, root, eventTime);
        } catch (ArticleException e) {
            throw new ArticleException(e.article(), sourceOf(e.field()), e.problem(), e);
        }
    }

    private String sourceOf(String field) {
        String best = null;
        for (String mapped : sources.keySet()) {
            if ((field.equals(mapped) || field.startsWith(mapped + ".") || field.startsWith(mapped + "["))
                    && (best == null || mapped.length() > best.length())) {
                best = mapped;
            }
        }
        if (best == null) return field;
        String source = sources.get(best);
        return source.equals(best) ? field : source + field.substring(best.length()) + " (" + best + ")";
    }
}
