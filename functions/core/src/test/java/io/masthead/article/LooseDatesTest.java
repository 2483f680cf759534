package io.masthead.article;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LooseDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-05T14:20:00Z                  | 2024-01-05T14:20Z      | false",
            "2024-01-05T14:20:00+02:00             | 2024-01-05T14:20+02:00 | false",
            "2024-01-05 14:20:00 +0000             | 2024-01-05T14:20Z      | false",
            "2024-01-05T14:20:00                   | 2024-01-05T14:20Z      | true",
            "2024-01-05                            | 2024-01-05T00:00Z      | true",
            "5 January 2024 14:20 GMT              | 2024-01-05T14:20Z      | false",
            "Friday, January 5, 2024 2:20 PM GMT+3 | 2024-01-05T14:20+03:00 | false",
            "January 5, 2024 2:20pm                | 2024-01-05T14:20Z      | true",
            "05 Jan 2024 at 09:05 UTC              | 2024-01-05T09:05Z      | false",
            "Jan 5, 2024                           | 2024-01-05T00:00Z      | true",
    })
    void readsTheFormsPeopleWrite(String text, String expected, boolean assumed) {
        LooseDates.Reading reading = LooseDates.read(text);
        assertEquals(OffsetDateTime.parse(expected), reading.time(), text);
        assertEquals(assumed, !reading.assumption().isEmpty(), reading.assumption());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "10 months ago", "2024-13-01", "31 February 2024", "5 January 2024 25:00", "14:20"})
    void refusesWhatIsNotADate(String text) {
        assertNull(LooseDates.read(text));
    }
}
