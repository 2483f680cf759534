package io.masthead.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns event JSON into handler input and handler output into JSON with the serializers the
 * Lambda Java runtime uses (aws-lambda-java-serialization), so a handler sees exactly what it
 * sees on AWS.
 */
final class EventSerialization {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private final Map<Class<?>, PojoSerializer<?>> serializers = new ConcurrentHashMap<>();
    private final ClassLoader loader;

    EventSerialization(ClassLoader loader) {
        this.loader = loader;
    }

    Object fromJson(String json, Class<?> type) {
        if (type == String.class) {
            return json;
        }
        if (!LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            try {
                return PLAIN.readValue(json, type);
            } catch (Exception e) {
                throw new IllegalArgumentException("event is not a " + type.getName() + ": " + e.getMessage(), e);
            }
        }
        return serializer(type).fromJson(json);
    }

    @SuppressWarnings("unchecked")
    String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (!LambdaEventSerializers.isLambdaSupportedEvent(value.getClass().getName())) {
            try {
                return PLAIN.writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException("cannot serialize handler result " + value, e);
            }
        }
        var out = new ByteArrayOutputStream();
        ((PojoSerializer<Object>) serializer(value.getClass())).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private PojoSerializer<?> serializer(Class<?> type) {
        return serializers.computeIfAbsent(type, t -> LambdaEventSerializers.serializerFor(t, loader));
    }
}
