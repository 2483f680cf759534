package io.masthead.endpoint;

/**
 * Told about every object change the endpoint applies, on the request's thread, while the key is
 * still locked, so changes to one key arrive in the order they were applied. Keep it quick
 * (hand the change to a queue) and never call the endpoint from it.
 */
@FunctionalInterface
public interface ObjectChangeListener {
    void objectChanged(ObjectChange change);
}
