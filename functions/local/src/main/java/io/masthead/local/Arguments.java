package io.masthead.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value}, {@code --name=value} or a bare
 * {@code --flag}, with {@code --param Name=Value} repeatable. Unknown options are refused so a
 * typo never goes unnoticed.
 */
final class Arguments {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments() {
    }

    /**
     * @param valued options that take a value (without the leading dashes)
     * @param flags  options that take none
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                parsed.values.put(name, "true");
                continue;
            }
            if (!valued.contains(name) && !name.equals("param")) {
                throw new UsageException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (name.equals("param")) {
                int sep = value.indexOf('=');
                if (sep <= 0) {
                    throw new UsageException("--param takes Name=Value (a template parameter), got " + value);
                }
                parsed.parameters.put(value.substring(0, sep), value.substring(sep + 1));
            } else {
                parsed.values.put(name, value);
            }
        }
        return parsed;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, got " + value);
        }
    }

    Path path(String name, String fallback) {
        return Path.of(get(name, fallback));
    }

    Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    /** A mistake in how the command was called; the message says which. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
