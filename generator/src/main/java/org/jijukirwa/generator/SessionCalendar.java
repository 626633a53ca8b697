package org.jijukirwa.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * The training sessions of every district and year, as a pure function of the
 * seed: how many, when (in date order), on which topic, by whom. Nothing is
 * stored per session, so cooperatives can be generated one at a time and still
 * agree on the sessions they attend.
 *
 * Sessions are spread over each year by month weights: fewer in August and
 * December (holidays), somewhat fewer in April (the commemoration period).
 */
final class SessionCalendar
{
    private static final double[] MONTH_WEIGHTS = {1.0, 1.1, 1.2, 0.8, 1.2, 1.1, 1.0, 0.35, 1.1, 1.2, 1.2, 0.4};
    private static final long DATE_SALT = 0x5E55L;
    private static final long DETAIL_SALT = 0xDE7AL;

    private final long seed;
    private final int[] cooperativesPerDistrict;
    private final double sessionsPerCooperativeYear;
    private final int firstYear;
    private final LocalDate[] windowStarts;
    private final double[][] cumulativeWeights;
    private final double fullYearWeight;

    /** Sessions are held from {@code firstDay} to {@code lastDay}, inclusive. */
    SessionCalendar(long seed, int[] cooperativesPerDistrict, double sessionsPerCooperativeYear, LocalDate firstDay, LocalDate lastDay)
    {
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(lastDay, "lastDay is null");
        this.seed = seed;
        this.cooperativesPerDistrict = cooperativesPerDistrict.clone();
        this.sessionsPerCooperativeYear = sessionsPerCooperativeYear;
        this.firstYear = firstDay.getYear();
        int years = lastDay.getYear() - firstYear + 1;
        this.windowStarts = new LocalDate[years];
        this.cumulativeWeights = new double[years][];
        for (int index = 0; index < years; index++) {
            int year = firstYear + index;
            LocalDate from = index == 0 ? firstDay : LocalDate.of(year, 1, 1);
            LocalDate to = year == lastDay.getYear() ? lastDay : LocalDate.of(year, 12, 31);
            windowStarts[index] = from;
            cumulativeWeights[index] = cumulative(from, to);
        }
        double[] fullYear = cumulative(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
        this.fullYearWeight = fullYear[fullYear.length - 1];
    }

    private static double[] cumulative(LocalDate from, LocalDate to)
    {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        double[] cumulative = new double[Math.max(days, 0)];
        double sum = 0;
        for (int day = 0; day < days; day++) {
            sum += MONTH_WEIGHTS[from.plusDays(day).getMonthValue() - 1];
            cumulative[day] = sum;
        }
        return cumulative;
    }

    int sessionCount(int district, int year)
    {
        double[] cumulative = weights(year);
        if (cumulative == null || cumulative.length == 0) {
            return 0;
        }
        double yearShare = cumulative[cumulative.length - 1] / fullYearWeight;
        long count = StrictMath.round(cooperativesPerDistrict[district] * sessionsPerCooperativeYear * yearShare);
        // The programme's target is 3 sessions per district and year; a short last year gets at least one.
        int minimum = yearShare >= 0.5 ? 3 : 1;
        return (int) Math.max(minimum, count);
    }

    /** Session dates never decrease with the index. */
    LocalDate sessionDate(int district, int year, int index)
    {
        int count = sessionCount(district, year);
        double jitter = 0.15 + 0.7 * Seeds.random(seed, DATE_SALT, district, year, index).nextDouble();
        double[] cumulative = weights(year);
        double target = (index + jitter) / count * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > target) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return windowStarts[year - firstYear].plusDays(low);
    }

    /** The first session index of the year held on or after {@code date}; the session count when none is. */
    int firstSessionOnOrAfter(int district, int year, LocalDate date)
    {
        int low = 0;
        int high = sessionCount(district, year);
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sessionDate(district, year, middle).isBefore(date)) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    String sessionId(District district, int year, int index)
    {
        return "TRN-" + district.abbreviation() + "-" + year + "-" + Text.pad(index + 1, 3);
    }

    String topic(int district, int year, int index)
    {
        return Draws.pick(Seeds.random(seed, DETAIL_SALT, district, year, index), Topics.ALL);
    }

    String facilitator(int district, int year, int index)
    {
        return Draws.pick(Seeds.random(seed, DETAIL_SALT + 1, district, year, index), Names.FACILITATORS);
    }

    private double[] weights(int year)
    {
        int index = year - firstYear;
        return index >= 0 && index < cumulativeWeights.length ? cumulativeWeights[index] : null;
    }
}
