package io.masthead.article;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the bucket can tell about photos: whether a key exists, and the keys under a prefix. */
public interface PhotoLookup {
    boolean exists(String key);

    List<String> keysUnder(String prefix);

    /** E.g. {@code PhotoLookup.of(store::exists, store::list)}. */
    static PhotoLookup of(Predicate<String> exists, Function<String, List<String>> keysUnder) {
        return new PhotoLookup() {
            @Override
            public boolean exists(String key) {
                return exists.test(key);
            }

            @Override
            public List<String> keysUnder(String prefix) {
                return keysUnder.apply(prefix);
            }
        };
    }
}
