package io.masthead.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code template.yaml} deploys one function, as far as its start-up is concerned: the
 * handler, the memory size and the environment (with {@code JAVA_TOOL_OPTIONS}, which the JVM
 * itself reads on Lambda). The function's own settings override the template's Globals.
 *
 * @param environment variables as deployed; a {@code !Ref} to a template parameter resolves to
 *                    the parameter's default
 */
public record FunctionSpec(String logicalId, String handler, int memoryMb, Map<String, String> environment) {

    public FunctionSpec {
        environment = Map.copyOf(environment);
    }

    public static FunctionSpec fromTemplate(Path template, String logicalId) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(template.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
        JsonNode globals = root.at("/Globals/Function");
        JsonNode function = root.at("/Resources/" + logicalId + "/Properties");
        if (function.isMissingNode()) {
            throw new IllegalArgumentException(template + " declares no function " + logicalId);
        }
        String handler = function.path("Handler").asText(globals.path("Handler").asText(""));
        if (handler.isEmpty()) throw new IllegalArgumentException(logicalId + " has no Handler in " + template);
        int memory = function.path("MemorySize").asInt(globals.path("MemorySize").asInt(128));

        // Short-form intrinsics (!Ref Name) reach us as their argument: the parameter's name.
        JsonNode parameters = root.path("Parameters");
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode vars : new JsonNode[]{globals.at("/Environment/Variables"), function.at("/Environment/Variables")}) {
            vars.fields().forEachRemaining(e -> {
                String value = e.getValue().asText();
                JsonNode parameter = parameters.path(value);
                env.put(e.getKey(), parameter.isObject() ? parameter.path("Default").asText("") : value);
            });
        }
        return new FunctionSpec(logicalId, handler, memory, env);
    }

    /** The JVM options Lambda applies through the environment, or "" when none are set. */
    public String javaToolOptions() {
        return environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
    }

    public FunctionSpec withJavaToolOptions(String options) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("JAVA_TOOL_OPTIONS", options);
        return new FunctionSpec(logicalId, handler, memoryMb, env);
    }

    public FunctionSpec withMemory(int mb) {
        return new FunctionSpec(logicalId, handler, mb, environment);
    }
}
