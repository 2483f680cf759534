package io.masthead.article;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people and static-site generators write them ({@code 2024-01-05},
 * {@code 2024-01-05 14:20:00 +0000}, {@code 5 January 2024 14:20 GMT}), read into an exact
 * time; what had to be assumed (no time, no zone) is said, for the import report.
 */
final class LooseDates {
    /** A time read from text, and what was assumed to get it (empty when nothing was). */
    record Reading(OffsetDateTime time, String assumption) {
        String iso() {
            return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    private static final Pattern WEEKDAY = Pattern.compile(
            "^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE = Pattern.compile(
            "\\s*(?:(GMT|UTC|Z)\\s*)?(?:([+-])(\\d{1,2}):?(\\d{2})?)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> DATE_TIMES = formatters(
            "uuuu-MM-dd'T'H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]", "uuuu-MM-dd H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]",
            "d MMMM uuuu[,] H:mm", "d MMMM uuuu[,] h:mm a", "MMMM d[,] uuuu[,] h:mm a", "MMMM d[,] uuuu[,] H:mm",
            "d MMM uuuu[,] H:mm", "d MMM uuuu[,] h:mm a", "MMM d[,] uuuu[,] h:mm a", "MMM d[,] uuuu[,] H:mm");
    private static final List<DateTimeFormatter> DATES = formatters(
            "uuuu-MM-dd", "d MMMM uuuu", "MMMM d[,] uuuu", "d MMM uuuu", "MMM d[,] uuuu");

    private LooseDates() {
    }

    /** The time {@code text} names, or null when it is not a date this class reads. */
    static Reading read(String text) {
        String s = text.trim();
        if (s.isEmpty()) return null;
        try {
            return new Reading(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME), "");
        } catch (DateTimeParseException e) {
            // not RFC 3339: try the looser forms below
        }
        s = WEEKDAY.matcher(s).replaceFirst("");
        s = s.replaceAll("(?i)\\s+at\\s+", " ").replaceAll("(?i)(\\d)\\s*([ap])\\.?m\\.?", "$1 $2M").replaceAll("\\s+", " ");
        ZoneOffset offset = null;
        Matcher zone = ZONE.matcher(s);
        // A signed offset follows a time (14:20 +0100); at the end of a bare date, "-05" is the day.
        if (zone.find() && zone.end() - zone.start() > 0 && (zone.group(1) != null
                || (zone.group(2) != null && s.substring(0, zone.start()).contains(":")))) {
            int hours = zone.group(3) == null ? 0 : Integer.parseInt(zone.group(3));
            int minutes = zone.group(4) == null ? 0 : Integer.parseInt(zone.group(4));
            if (hours > 18 || minutes > 59) return null;
            int sign = "-".equals(zone.group(2)) ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            s = s.substring(0, zone.start()).trim();
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                LocalDateTime local = LocalDateTime.parse(s, f);
                return offset != null ? new Reading(local.atOffset(offset), "")
                        : new Reading(local.atOffset(ZoneOffset.UTC), "no time zone given; UTC assumed");
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate date = LocalDate.parse(s, f);
                return new Reading(date.atStartOfDay().atOffset(offset == null ? ZoneOffset.UTC : offset),
                        "a date without a time; midnight" + (offset == null ? " UTC" : "") + " assumed");
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static List<DateTimeFormatter> formatters(String... patterns) {
        return java.util.Arrays.stream(patterns)
                .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT))
                .toList();
    }
}
