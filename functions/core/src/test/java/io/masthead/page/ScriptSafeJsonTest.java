package io.masthead.page;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptSafeJsonTest {
    private static final String HOSTILE = "</script><!-- a & b \u2028 c \u2029 d \"q\" \u00e9";

    @Test
    void markupCharactersAndLineSeparatorsAreEscapedAndTheValueSurvives() {
        String json = ScriptSafeJson.compact(Map.of("v", HOSTILE));
        for (char c : new char[]{'<', '>', '&', '\u2028', '\u2029'}) {
            assertFalse(json.indexOf(c) >= 0, "raw " + (int) c + " in " + json);
        }
        assertTrue(json.contains("\\u2028") && json.contains("\\u2029") && json.contains("\\u003C"), json);
        assertTrue(json.contains("\u00e9"), "other text stays readable: " + json);
        assertEquals(HOSTILE, PageParts.json(json).get("v").asText());
    }

    @Test
    void prettyOutputIsEscapedTheSameWay() {
        String json = ScriptSafeJson.pretty(Map.of("v", HOSTILE));
        assertFalse(json.contains("<") || json.contains("\u2028"));
        assertEquals(HOSTILE, PageParts.json(json).get("v").asText());
    }
}
