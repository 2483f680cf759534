package io.masthead.page;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a lint rule came out; ordered from best to worst. */
public enum Outcome {
    PASS, WARN, FAIL;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Outcome worst(Outcome a, Outcome b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
