package io.masthead.feed;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Feed dates, always UTC and locale-independent. */
public final class FeedDates {
    /** RFC 822 as RSS 2.0 uses it: English day and month names, four-digit year, {@code +0000}. */
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.ENGLISH);
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    /** What an empty feed reports as its last change: fixed, so an empty feed has fixed bytes. */
    public static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private FeedDates() {
    }

    public static String rfc822(OffsetDateTime t) {
        return RFC_822.format(utc(t));
    }

    public static String rfc3339(OffsetDateTime t) {
        return RFC_3339.format(utc(t));
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
