package io.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The import report of an article JSON v1 document: its own fields map one to one; the rest is ignored. */
final class JsonV1Report {
    static final String FORMAT = "article-json v1";
    static final List<String> FIELDS = List.of("headline", "url", "slug", "summary", "section", "authors",
            "published", "updated", "language", "tags", "bodyHtml", "photo", "status");

    private JsonV1Report() {
    }

    static ImportReport of(JsonNode root) {
        ImportReport.Builder report = new ImportReport.Builder(FORMAT);
        root.fieldNames().forEachRemaining(field -> {
            if (FIELDS.contains(field)) report.mapped(field, field);
            else report.ignored(field, "not an article JSON v1 field");
        });
        if (!root.has("slug")) report.guess("slug: from the object key");
        if (!root.has("published")) report.guess("published: the upload time");
        return report.build();
    }
}
