package io.masthead.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schemas are read without format validators: a schema that starts to use {@code format} must fail here, not be ignored. */
class SchemaCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"article-v1.schema.json", "ninjs/ninjs-2.x.schema.json", "ninjs/ninjs-3.x.schema.json"})
    void noShippedSchemaUsesTheFormatKeyword(String resource) throws IOException {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            List<String> uses = new ArrayList<>();
            collectFormatKeywords(new ObjectMapper().readTree(in), "", uses);
            assertEquals(List.of(), uses);
        }
    }

    /** A {@code format} member with a string value is the keyword; one with a schema as value is a property named format. */
    private static void collectFormatKeywords(JsonNode node, String path, List<String> uses) {
        for (var field : node.properties()) {
            if (field.getKey().equals("format") && field.getValue().isTextual()) uses.add(path + "/format");
            collectFormatKeywords(field.getValue(), path + "/" + field.getKey(), uses);
        }
        if (node.isArray()) for (int i = 0; i < node.size(); i++) collectFormatKeywords(node.get(i), path + "/" + i, uses);
    }
}
