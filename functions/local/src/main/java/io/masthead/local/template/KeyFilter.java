package io.masthead.local.template;

/** An S3 notification's key filter: prefix and suffix rules, either may be empty. */
public record KeyFilter(String prefix, String suffix) {
    public static final KeyFilter ANY = new KeyFilter("", "");

    public KeyFilter {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    public boolean matches(String key) {
        return key.startsWith(prefix) && key.endsWith(suffix);
    }

    @Override
    public String toString() {
        return (prefix.isEmpty() ? "*" : prefix + "*") + suffix;
    }
}
