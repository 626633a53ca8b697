package org.jijukirwa.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the field tools write, read as the contract means it: their empty markers are missing values, integral
 * floats written by dataframe libraries ({@code 1990.0}) are integers, {@code 2020-03-01 07:12:45} is an ISO
 * date-time, and a date-time of a UTC column (Kobo's {@code _submission_time}, written in UTC without an
 * offset) gets its {@code Z}.
 */
public final class ExportValues
{
    /** Markers the tools and spreadsheet libraries write for "no value" (compared case-insensitively). */
    public static final Set<String> EMPTY_MARKERS = Set.of("n/a", "#n/a", "nan", "nat", "none", "null");

    private static final Pattern INTEGRAL_FLOAT = Pattern.compile("[+-]?\\d{1,15}\\.0+");
    private static final Pattern SPACED_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([zZ]|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DATE_TIME_WITHOUT_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private ExportValues()
    {
    }

    /** The value of a cell (trimmed; null when missing). */
    public static String clean(String raw, boolean utc)
    {
        String text = FieldRules.text(raw);
        if (text == null || EMPTY_MARKERS.contains(text.toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (INTEGRAL_FLOAT.matcher(text).matches()) {
            return text.substring(0, text.indexOf('.'));
        }
        if (SPACED_DATE_TIME.matcher(text).matches()) {
            text = text.substring(0, 10) + "T" + text.substring(11);
        }
        if (utc && DATE_TIME_WITHOUT_OFFSET.matcher(text).matches()) {
            return text + "Z";
        }
        return text;
    }

    /** Whether a True/False column of a split select_multiple is ticked. */
    public static boolean ticked(String value)
    {
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("1") || lower.equals("yes");
    }
}
