package io.masthead.local.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CloudFormation / SAM template written in YAML into the JSON form CloudFormation itself
 * uses: the short-form tags ({@code !Ref X}, {@code !GetAtt A.Arn}, {@code !Sub ...}) become
 * {@code {"Ref": "X"}}, {@code {"Fn::GetAtt": "A.Arn"}}, {@code {"Fn::Sub": "..."}}, so the
 * long and short forms read alike.
 */
final class CloudFormationYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    static JsonNode read(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(Files.newBufferedReader(file))) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode readString(String yaml) {
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            parser.nextToken();
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode value(YAMLParser parser) throws IOException {
        String tag = (String) parser.getTypeId();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        if (tag == null || tag.startsWith("tag:yaml.org")) {
            return node;
        }
        String function = tag.startsWith("!") ? tag.substring(1) : tag;
        return NODES.objectNode().set(function.equals("Ref") || function.equals("Condition")
                ? function : "Fn::" + function, node);
    }
}
