package io.masthead.local.template;

/** One of the bucket's {@code NotificationConfiguration.QueueConfigurations}. */
public record QueueNotification(String id, String queue, EventTypes events, KeyFilter filter) {
    public boolean matches(String eventName, String key) {
        return events.matches(eventName) && filter.matches(key);
    }
}
