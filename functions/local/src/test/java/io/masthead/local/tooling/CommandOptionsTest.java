package io.masthead.local.tooling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandOptionsTest {
    private static final Set<String> VALUED = Set.of("bucket", "timeout", "template", "param");

    @Test
    void readsValuesFlagsParametersAndPositionals() {
        CommandOptions o = CommandOptions.parse(
                List.of("PublishFunction", "--bucket", "news", "--timeout=30", "--verbose",
                        "--param", "SiteName=Daily", "--param=Colour=#112233", "event.json"),
                VALUED, Set.of("verbose"));
        assertEquals("news", o.get("bucket", "masthead"));
        assertEquals(30, o.integer("timeout", 300));
        assertTrue(o.flag("verbose"));
        assertFalse(o.flag("quiet"));
        assertEquals(Map.of("SiteName", "Daily", "Colour", "#112233"), o.parameters());
        assertEquals(List.of("PublishFunction", "event.json"), o.positional());
    }

    @Test
    void refusesWhatItCannotRead() {
        var unknown = assertThrows(CommandOptions.UsageException.class,
                () -> CommandOptions.parse(List.of("--bucktet", "news"), VALUED, Set.of()));
        assertEquals("unknown option --bucktet", unknown.getMessage());
        var missing = assertThrows(CommandOptions.UsageException.class,
                () -> CommandOptions.parse(List.of("--bucket"), VALUED, Set.of()));
        assertEquals("--bucket needs a value", missing.getMessage());
        var pair = assertThrows(CommandOptions.UsageException.class,
                () -> CommandOptions.parse(List.of("--param", "SiteName"), VALUED, Set.of()));
        assertTrue(pair.getMessage().contains("Name=Value"), pair.getMessage());
        var number = assertThrows(CommandOptions.UsageException.class,
                () -> CommandOptions.parse(List.of("--timeout", "0"), VALUED, Set.of()).integer("timeout", 300));
        assertEquals("--timeout takes a positive number, got 0", number.getMessage());
        var notAccepted = assertThrows(CommandOptions.UsageException.class,
                () -> CommandOptions.parse(List.of("--param", "A=B"), Set.of("bucket"), Set.of()));
        assertEquals("unknown option --param", notAccepted.getMessage());
    }

    @Test
    void templateMustExist(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("template.yaml");
        var e = assertThrows(CommandOptions.UsageException.class,
                () -> CommandOptions.parse(List.of("--template", missing.toString()), VALUED, Set.of()).template());
        assertTrue(e.getMessage().startsWith("no " + missing + " here"), e.getMessage());
        Files.writeString(missing, "Resources: {}\n");
        assertEquals(missing.toAbsolutePath().normalize(),
                CommandOptions.parse(List.of("--template", missing.toString()), VALUED, Set.of()).template());
    }
}
