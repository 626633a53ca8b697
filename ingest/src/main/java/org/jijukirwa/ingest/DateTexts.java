package org.jijukirwa.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Dates and date-times of the data contract, parsed by hand (no regular
 * expressions, no formatters): `yyyy-MM-dd`, `dd/MM/yyyy`, or an ISO-8601
 * date-time `yyyy-MM-ddTHH:mm[:ss[.f{1,9}]][Z|±hh[[:]mm]]`. A date-time
 * without offset is Kigali local time; one with an offset lands on its Kigali
 * date. Fractions keep microseconds (further digits are dropped).
 * <p>
 * Seconds are optional with or without an offset (`2019-07-13T10:00Z`,
 * `2019-07-13T10:00+02:00`, `2019-07-13T10:00`). Quirks kept from the Spark
 * casts this replaced, so results do not change: offsets beyond ±18:00 are
 * invalid; a `dd/MM/yyyy` date may be followed by one line separator
 * (U+0085, U+2028, U+2029), which the other forms may not.
 */
public final class DateTexts
{
    public static final ZoneId KIGALI = ZoneId.of(IngestJob.TIME_ZONE);

    private static final int ISO_DATE_LENGTH = 10;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private DateTexts()
    {
    }

    /** A date from any accepted form (a date-time gives its Kigali date); null when invalid or missing. */
    public static LocalDate date(String text)
    {
        if (text == null) {
            return null;
        }
        if (isIsoDate(text)) {
            return localDate(text, 0, 5, 8);
        }
        if (isDayFirstDate(text)) {
            return localDate(text, 6, 3, 0);
        }
        if (isDateTime(text)) {
            Instant instant = dateTime(text);
            return instant == null ? null : LocalDate.ofInstant(instant, KIGALI);
        }
        return null;
    }

    /** An instant from a date-time, or from a date (its Kigali midnight); null when invalid or missing. */
    public static Instant timestamp(String text)
    {
        if (text == null) {
            return null;
        }
        if (isDateTime(text)) {
            return dateTime(text);
        }
        if (isIsoDate(text) || isDayFirstDate(text)) {
            LocalDate date = date(text);
            return date == null ? null : date.atStartOfDay(KIGALI).toInstant();
        }
        return null;
    }

    static boolean allDigits(String text, int start, int end)
    {
        for (int i = start; i < end; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of the ASCII digits from start to end (at most 9 of them). */
    static int number(String text, int start, int end)
    {
        int value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static boolean isIsoDate(String text)
    {
        return text.length() == ISO_DATE_LENGTH && isIsoDatePrefix(text);
    }

    private static boolean isIsoDatePrefix(String text)
    {
        return allDigits(text, 0, 4) && text.charAt(4) == '-' && allDigits(text, 5, 7) && text.charAt(7) == '-' && allDigits(text, 8, 10);
    }

    private static boolean isDayFirstDate(String text)
    {
        int length = text.length();
        boolean shape = length >= ISO_DATE_LENGTH && allDigits(text, 0, 2) && text.charAt(2) == '/' && allDigits(text, 3, 5) && text.charAt(5) == '/'
                && allDigits(text, 6, 10);
        return shape && (length == ISO_DATE_LENGTH || length == ISO_DATE_LENGTH + 1 && isLineSeparator(text.charAt(ISO_DATE_LENGTH)));
    }

    private static boolean isDateTime(String text)
    {
        // Only the shape: yyyy-MM-ddTHH:mm, then optional :ss(.f{1,9}) and offset, each checked by dateTime.
        return text.length() >= 16 && isIsoDatePrefix(text) && text.charAt(10) == 'T' && allDigits(text, 11, 13) && text.charAt(13) == ':'
                && allDigits(text, 14, 16);
    }

    /** The instant of a text of date-time shape, or null when its rest, a field or its offset is invalid. */
    private static Instant dateTime(String text)
    {
        int length = text.length();
        int position = 16;
        int second = 0;
        int nanos = 0;
        if (position < length && text.charAt(position) == ':') {
            if (position + 3 > length || !allDigits(text, position + 1, position + 3)) {
                return null;
            }
            second = number(text, position + 1, position + 3);
            position += 3;
            if (position < length && text.charAt(position) == '.') {
                int start = position + 1;
                int end = start;
                while (end < length && isDigit(text.charAt(end))) {
                    end++;
                }
                int digits = end - start;
                if (digits < 1 || digits > 9) {
                    return null;
                }
                int micros = number(text, start, Math.min(end, start + 6));
                for (int i = Math.min(digits, 6); i < 6; i++) {
                    micros *= 10;
                }
                nanos = micros * 1000;
                position = end;
            }
        }
        ZoneId zone = KIGALI;
        if (position < length) {
            zone = offset(text, position);
            if (zone == null) {
                return null;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                    number(text, 11, 13), number(text, 14, 16), second, nanos);
            return local.atZone(zone).toInstant();
        }
        catch (DateTimeException e) {
            return null;
        }
    }

    /** `Z`, `±hh`, `±hhmm` or `±hh:mm` from position to the end of the text, within ±18:00; else null. */
    private static ZoneOffset offset(String text, int position)
    {
        int length = text.length() - position;
        char sign = text.charAt(position);
        if (sign == 'Z') {
            return length == 1 ? ZoneOffset.UTC : null;
        }
        if (sign != '+' && sign != '-' || length < 3 || !allDigits(text, position + 1, position + 3)) {
            return null;
        }
        int hours = number(text, position + 1, position + 3);
        int minutes;
        if (length == 3) {
            minutes = 0;
        }
        else if (length == 5 && allDigits(text, position + 3, position + 5)) {
            minutes = number(text, position + 3, position + 5);
        }
        else if (length == 6 && text.charAt(position + 3) == ':' && allDigits(text, position + 4, position + 6)) {
            minutes = number(text, position + 4, position + 6);
        }
        else {
            return null;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    private static LocalDate localDate(String text, int yearAt, int monthAt, int dayAt)
    {
        try {
            return LocalDate.of(number(text, yearAt, yearAt + 4), number(text, monthAt, monthAt + 2), number(text, dayAt, dayAt + 2));
        }
        catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    /** A line terminator a regular expression's `$` may stand before (CR and LF never end a trimmed text). */
    private static boolean isLineSeparator(char c)
    {
        return c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\n' || c == '\r';
    }
}
