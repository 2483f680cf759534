package io.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.KeywordType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** A JSON Schema shipped in the jar, whose first violation becomes an {@link ArticleException} naming the field. */
final class SchemaCheck {
    /**
     * Draft 2020-12 as the library defines it, less its format validators: no shipped schema uses
     * {@code format}, and building them (regexes, date, e-mail and IRI parsers) costs a cold start
     * about 95 classes and 35 ms of CPU.
     */
    private static final Dialect DRAFT_2020_12 = Dialect.builder("https://json-schema.org/draft/2020-12/schema")
            .specificationVersion(SpecificationVersion.DRAFT_2020_12)
            .idKeyword("$id")
            .keywords(KeywordType.getKeywords(SpecificationVersion.DRAFT_2020_12))
            .vocabularies(Map.of(
                    "https://json-schema.org/draft/2020-12/vocab/core", true,
                    "https://json-schema.org/draft/2020-12/vocab/applicator", true,
                    "https://json-schema.org/draft/2020-12/vocab/unevaluated", true,
                    "https://json-schema.org/draft/2020-12/vocab/validation", true,
                    "https://json-schema.org/draft/2020-12/vocab/meta-data", true,
                    "https://json-schema.org/draft/2020-12/vocab/format-annotation", true,
                    "https://json-schema.org/draft/2020-12/vocab/content", true))
            .build();

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** Loads {@code resource}, relative to this package. */
    static SchemaCheck load(String resource) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the schema " + resource + " ships in the jar");
            JsonNode tree = JsonMapper.builder().build().readTree(in);
            return new SchemaCheck(registry().getSchema(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("the schema " + resource + " ships in the jar", e);
        }
    }

    /** Where the shipped schemas are read: Draft 2020-12 by default. */
    static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(DRAFT_2020_12);
    }

    void check(String article, JsonNode document) {
        List<Error> errors = schema.validate(document);
        if (errors.isEmpty()) return;
        Error error = errors.get(0);
        String field = fieldName(error.getInstanceLocation().toString());
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            throw new ArticleException(article, field.isEmpty() ? error.getProperty() : field + "." + error.getProperty(), "is required");
        }
        String message = error.getMessage().replaceFirst("^[$/][^:]*:\\s*", "");
        throw new ArticleException(article, field.isEmpty() ? "(document)" : field, message);
    }

    /** {@code /associations/0/renditions/1/width} becomes {@code associations[0].renditions[1].width}. */
    static String fieldName(String location) {
        String path = location.replaceFirst("^\\$\\.?", "").replaceFirst("^/", "");
        return path.replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }
}
