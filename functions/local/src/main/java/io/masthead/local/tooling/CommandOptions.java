package io.masthead.local.tooling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the form {@code --name value}, {@code --name=value} or a bare {@code --flag}, plus
 * positional arguments; {@code --param Name=Value} is repeatable where a command accepts it.
 * Unknown options are refused so a typo never goes unnoticed.
 *
 * @param parameters the {@code --param} pairs (template parameters), in the order given
 */
public record CommandOptions(Map<String, String> values, Map<String, String> parameters, List<String> positional) {
    private static final String PARAM = "param";

    public CommandOptions {
        values = Map.copyOf(values);
        parameters = Map.copyOf(parameters);
        positional = List.copyOf(positional);
    }

    /**
     * @param valued options that take a value (without the leading dashes); {@code param} among
     *               them accepts repeated {@code Name=Value} pairs
     * @param flags  options that take none
     * @throws UsageException naming the option that is unknown or lacks its value
     */
    public static CommandOptions parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && value == null) {
                values.put(name, "true");
                continue;
            }
            if (!valued.contains(name)) throw new UsageException("unknown option --" + name);
            if (value == null) {
                if (i + 1 >= args.size()) throw new UsageException("--" + name + " needs a value");
                value = args.get(++i);
            }
            if (name.equals(PARAM)) {
                int sep = value.indexOf('=');
                if (sep <= 0) throw new UsageException("--param takes Name=Value (a template parameter), got " + value);
                parameters.put(value.substring(0, sep), value.substring(sep + 1));
            } else {
                values.put(name, value);
            }
        }
        return new CommandOptions(values, parameters, positional);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Path path(String name, String fallback) {
        return Path.of(get(name, fallback));
    }

    /** The {@code --template} file (default {@code template.yaml}), absolute. */
    public Path template() {
        Path template = path("template", "template.yaml");
        if (!Files.isRegularFile(template)) {
            throw new UsageException("no " + template + " here; run from the repository root (where template.yaml is) or pass --template PATH");
        }
        return template.toAbsolutePath().normalize();
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) throw new UsageException("--" + name + " is required");
        return value;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) return fallback;
        try {
            int n = Integer.parseInt(value);
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a positive number, got " + value);
        }
    }

    /** A mistake in how a command was called; the message says which. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
