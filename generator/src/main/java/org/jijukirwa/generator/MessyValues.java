package org.jijukirwa.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes valid values the way field records write them: mostly the canonical
 * form, and at a controlled share one of the other forms the contract accepts
 * (district codes and Kinyarwanda prefixes, value chain labels in odd case,
 * Kinyarwanda sex words, yego/oya, dd/MM/yyyy and ISO date-times, including
 * times just after midnight in Kigali that fall on the previous day in UTC).
 */
final class MessyValues
{
    private final double share;

    MessyValues(double share)
    {
        this.share = share;
    }

    private boolean messy(SplittableRandom random)
    {
        return Draws.chance(random, share);
    }

    String district(SplittableRandom random, District district)
    {
        if (!messy(random)) {
            return district.name();
        }
        return switch (random.nextInt(7)) {
            case 0, 1 -> district.code();
            case 2 -> district.name().toUpperCase(Locale.ROOT);
            case 3 -> " " + district.name().toLowerCase(Locale.ROOT) + " District";
            case 4 -> district.name() + " district";
            case 5 -> random.nextBoolean() ? "Akarere ka " + district.name() : "AKARERE KA " + district.name().toUpperCase(Locale.ROOT);
            default -> "  " + district.name() + "  ";
        };
    }

    String valueChain(SplittableRandom random, ValueChain chain)
    {
        if (!messy(random)) {
            return chain.code();
        }
        return switch (random.nextInt(4)) {
            case 0 -> chain.label();
            case 1 -> chain.label().toUpperCase(Locale.ROOT);
            case 2 -> chain.label().toLowerCase(Locale.ROOT);
            default -> chain.code().toUpperCase(Locale.ROOT);
        };
    }

    /** {@code sex} is F, M or U (unknown, written as an empty value). */
    String sex(SplittableRandom random, char sex)
    {
        if (sex == 'U') {
            return "";
        }
        boolean woman = sex == 'F';
        if (!messy(random)) {
            return woman ? "F" : "M";
        }
        return switch (random.nextInt(4)) {
            case 0 -> woman ? "Female" : "Male";
            case 1 -> woman ? "Woman" : "Man";
            case 2 -> woman ? "Gore" : "Gabo";
            default -> woman ? "Umugore" : "Umugabo";
        };
    }

    String bool(SplittableRandom random, boolean value)
    {
        if (!messy(random)) {
            return value ? "yes" : "no";
        }
        return switch (random.nextInt(3)) {
            case 0 -> value ? "yego" : "oya";
            case 1 -> value ? "1" : "0";
            default -> value ? "true" : "false";
        };
    }

    /** An identifier, now and then with the stray spaces of a hand-edited sheet. */
    String identifier(SplittableRandom random, String identifier)
    {
        return Draws.chance(random, share / 4) ? " " + identifier + " " : identifier;
    }

    /** A value of a date column whose Kigali calendar date is {@code date}. */
    String date(SplittableRandom random, LocalDate date)
    {
        if (!messy(random)) {
            return date.toString();
        }
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> dayMonthYear(date);
            case 4, 5 -> kigaliTime(random, date, 7, 19);
            case 6, 7 -> justAfterKigaliMidnight(random, date);
            case 8 -> utcDaytime(random, date, true);
            default -> date + "T" + Text.pad(Draws.between(random, 8, 18), 2) + ":" + Text.pad(random.nextInt(4) * 15, 2) + ":00";
        };
    }

    /** An updated_at value on the Kigali date {@code date}: exports carry dates or date-times. */
    String timestamp(SplittableRandom random, LocalDate date)
    {
        int form = random.nextInt(20);
        if (form < 9) {
            return date.toString();
        }
        if (form < 14) {
            return kigaliTime(random, date, 7, 20);
        }
        if (form < 18) {
            return utcDaytime(random, date, form % 2 == 0);
        }
        if (form == 18 && messy(random)) {
            return dayMonthYear(date);
        }
        return justAfterKigaliMidnight(random, date);
    }

    static String dayMonthYear(LocalDate date)
    {
        return Text.pad(date.getDayOfMonth(), 2) + "/" + Text.pad(date.getMonthValue(), 2) + "/" + date.getYear();
    }

    private static String kigaliTime(SplittableRandom random, LocalDate date, int firstHour, int lastHour)
    {
        return date + "T" + clock(random, Draws.between(random, firstHour, lastHour)) + "+02:00";
    }

    // Kigali is UTC+2 all year: 06:00-17:59 UTC is 08:00-19:59 in Kigali, the same calendar day.
    private static String utcDaytime(SplittableRandom random, LocalDate date, boolean withMillis)
    {
        String time = clock(random, Draws.between(random, 6, 17));
        return date + "T" + time + (withMillis ? "." + Text.pad(random.nextInt(1000), 3) : "") + "Z";
    }

    // 00:00-01:59 in Kigali is 22:00-23:59 UTC the day before: the text shows the previous date.
    private static String justAfterKigaliMidnight(SplittableRandom random, LocalDate date)
    {
        return date.minusDays(1) + "T" + clock(random, Draws.between(random, 22, 23)) + "Z";
    }

    private static String clock(SplittableRandom random, int hour)
    {
        return Text.pad(hour, 2) + ":" + Text.pad(random.nextInt(60), 2) + ":" + Text.pad(random.nextInt(60), 2);
    }

    /** Dates that no accepted form reads (each is rejected by a strict parser). */
    static String invalidDate(SplittableRandom random, LocalDate near)
    {
        return switch (random.nextInt(7)) {
            case 0 -> near.getYear() + "-13-" + Text.pad(near.getDayOfMonth(), 2);
            case 1 -> near.getYear() + "-02-30";
            case 2 -> near.getYear() + "/" + Text.pad(near.getMonthValue(), 2) + "/" + Text.pad(near.getDayOfMonth(), 2);
            case 3 -> "31/02/" + near.getYear();
            case 4 -> Text.pad(near.getDayOfMonth(), 2) + "." + Text.pad(near.getMonthValue(), 2) + "." + near.getYear();
            case 5 -> Draws.pick(random, List.of("last week", "soon", "unknown", "ejo"));
            default -> near.getYear() + "-" + Text.pad(near.getMonthValue(), 2) + "-32";
        };
    }
}
