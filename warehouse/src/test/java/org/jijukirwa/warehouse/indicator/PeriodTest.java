package org.jijukirwa.warehouse.indicator;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest
{
    private static Period period(String key, String from, String to)
    {
        return new Period(Optional.of(key), LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void monthsAreClippedAtBothEnds()
    {
        assertThat(Period.series(Grain.MONTH, LocalDate.parse("2019-12-15"), LocalDate.parse("2020-02-10"))).containsExactly(
                period("2019-12", "2019-12-15", "2019-12-31"),
                period("2020-01", "2020-01-01", "2020-01-31"),
                period("2020-02", "2020-02-01", "2020-02-10"));
    }

    @Test
    void quartersStartOnTheirFirstMonth()
    {
        assertThat(Period.series(Grain.QUARTER, LocalDate.parse("2019-02-01"), LocalDate.parse("2019-12-31"))).containsExactly(
                period("2019-Q1", "2019-02-01", "2019-03-31"),
                period("2019-Q2", "2019-04-01", "2019-06-30"),
                period("2019-Q3", "2019-07-01", "2019-09-30"),
                period("2019-Q4", "2019-10-01", "2019-12-31"));
    }

    @Test
    void yearsAndASingleDay()
    {
        assertThat(Period.series(Grain.YEAR, LocalDate.parse("2018-07-01"), LocalDate.parse("2020-06-30"))).containsExactly(
                period("2018", "2018-07-01", "2018-12-31"),
                period("2019", "2019-01-01", "2019-12-31"),
                period("2020", "2020-01-01", "2020-06-30"));
        assertThat(Period.series(Grain.QUARTER, LocalDate.parse("2020-02-29"), LocalDate.parse("2020-02-29"))).containsExactly(
                period("2020-Q1", "2020-02-29", "2020-02-29"));
    }
}
