package io.masthead.local.template;

import java.util.List;

/**
 * The S3 event types a notification subscribes to, e.g. {@code s3:ObjectCreated:*}, matched
 * against an event's name as it appears in a notification record ({@code ObjectCreated:Put}).
 */
public record EventTypes(List<String> types) {
    public EventTypes {
        types = List.copyOf(types);
    }

    public boolean matches(String eventName) {
        for (String type : types) {
            String pattern = type.startsWith("s3:") ? type.substring(3) : type;
            if (pattern.endsWith("*") ? eventName.startsWith(pattern.substring(0, pattern.length() - 1))
                    : eventName.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(",", types);
    }
}
