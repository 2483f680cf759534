package io.masthead.store;

/** A conditional write lost a race (S3 answered 412 or 409): read again and retry. */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String key, Throwable cause) {
        super("conditional write lost the race for " + key, cause);
    }
}
