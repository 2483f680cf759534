package io.masthead.local.template;

/** A function's {@code Type: S3} event: the bucket notifies the function directly (async invoke). */
public record S3Trigger(String name, EventTypes events, KeyFilter filter) {
    public boolean matches(String eventName, String key) {
        return events.matches(eventName) && filter.matches(key);
    }
}
