package org.jijukirwa.warehouse;

import java.time.LocalDate;

import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;
import static org.jijukirwa.warehouse.testing.Rows.days;
import static org.jijukirwa.warehouse.testing.Rows.rate;

/** Time series on {@link ProgrammeFixture}: stocks at each clipped period end, flows inside each clipped period. */
class TimeSeriesTest
{
    @RegisterExtension
    static final ProgrammeWarehouse programme = new ProgrammeWarehouse();

    @Test
    void aStockIsEvaluatedAtTheEndOfEachQuarter()
    {
        IndicatorAnswer answer = ask(programme.warehouse(), "coops_formed", "grain=quarter&from=2019-01-01&to=2019-12-31");
        assertThat(answer.grain()).contains(Grain.QUARTER);
        assertThat(answer.asOf()).isEmpty();
        assertThat(answer.from()).contains(LocalDate.parse("2019-01-01"));
        assertThat(answer.to()).contains(LocalDate.parse("2019-12-31"));
        assertThat(answer.rows().get(0).cells().keySet()).containsExactly("period");
        assertThat(answer.rows()).containsExactly(
                count(3, "period", "2019-Q1"),
                count(4, "period", "2019-Q2"),
                count(4, "period", "2019-Q3"),
                count(4, "period", "2019-Q4"));
    }

    @Test
    void theLastMonthOfAStockIsClippedToTheEndOfTheRange()
    {
        // March is evaluated at 2019-03-15, before C4 is formed on 2019-03-31
        assertThat(ask(programme.warehouse(), "coops_formed", "grain=month&from=2019-01-20&to=2019-03-15").rows()).containsExactly(
                count(1, "period", "2019-01"),
                count(2, "period", "2019-02"),
                count(2, "period", "2019-03"));
    }

    @Test
    void aFlowCountsInsideEachPeriodClippedToTheRange()
    {
        // V1 (2019-02-10) is before the range, V5 (2020-06-30) after it
        assertThat(ask(programme.warehouse(), "coaching_visits", "grain=year&from=2019-02-11&to=2020-06-29").rows()).containsExactly(
                count(1, "period", "2019"),
                count(2, "period", "2020"));
    }

    @Test
    void periodsWithoutEventsAreLeftOutAndRowsSortByPeriodThenDimensions()
    {
        assertThat(ask(programme.warehouse(), "attendances", "grain=quarter&from=2019-01-01&to=2019-12-31&by=province").rows()).containsExactly(
                count(3, "period", "2019-Q1", "province", "Kigali City"),
                count(1, "period", "2019-Q2", "province", "Kigali City"),
                count(1, "period", "2019-Q2", "province", "Southern"));
    }

    @Test
    void aStockByYearEndsAtTheRangeEndInItsLastYear()
    {
        // 2019-12-31: M1 M2 M3 M4 M5 M6 M9; 2020-06-30: M1 M3 M4 M5 M6 M7 M8
        assertThat(ask(programme.warehouse(), "members_active", "grain=year&from=2019-01-01&to=2020-06-30").rows()).containsExactly(
                count(7, "period", "2019"),
                count(7, "period", "2020"));
        assertThat(ask(programme.warehouse(), "members_active", "grain=year&from=2019-01-01&to=2020-06-30&by=sex").rows()).containsExactly(
                count(3, "period", "2019", "sex", "F"),
                count(3, "period", "2019", "sex", "M"),
                count(1, "period", "2019", "sex", "U"),
                count(4, "period", "2020", "sex", "F"),
                count(2, "period", "2020", "sex", "M"),
                count(1, "period", "2020", "sex", "U"));
    }

    @Test
    void aStockSeriesDefaultsToTheEarliestEventOfItsFacts()
    {
        IndicatorAnswer answer = ask(programme.warehouse(), "formalisation_rate", "grain=year");
        assertThat(answer.from()).contains(LocalDate.parse("2019-01-15"));
        assertThat(answer.to()).contains(LocalDate.parse("2020-06-30"));
        assertThat(answer.rows()).containsExactly(
                rate(2, 4, "period", "2019"),
                rate(4, 6, "period", "2020"));
    }

    @Test
    void rateAndDaysSeries()
    {
        // Q1 at 2020-03-31: C1..C5 exist, C4 and C5 visited; Q2: C2 visited, C1..C6 exist
        assertThat(ask(programme.warehouse(), "coops_coached_rate", "grain=quarter&from=2020-01-01&to=2020-06-30").rows()).containsExactly(
                rate(2, 5, "period", "2020-Q1"),
                rate(1, 6, "period", "2020-Q2"));
        // 2019-Q1 (at 03-31): C1 only, 54 days; Q4: 54, 333
        assertThat(ask(programme.warehouse(), "median_days_to_registration", "grain=quarter&from=2019-01-01&to=2019-12-31").rows()).containsExactly(
                days(54.0, "period", "2019-Q1"),
                days(54.0, "period", "2019-Q2"),
                days(54.0, "period", "2019-Q3"),
                days(193.5, "period", "2019-Q4"));
        assertThat(ask(programme.warehouse(), "formation_target_attainment", "grain=year&from=2019-06-01&to=2020-06-30&by=province").rows()).containsExactly(
                rate(3, 5, "period", "2019", "province", "Kigali City"),
                rate(1, 4, "period", "2019", "province", "Southern"),
                rate(0, 1, "period", "2019", "province", "Western"),
                rate(3, 5, "period", "2020", "province", "Kigali City"),
                rate(3, 4, "period", "2020", "province", "Southern"),
                rate(0, 1, "period", "2020", "province", "Western"));
    }

    @Test
    void aMonthlyFlowSeriesOverOneDay()
    {
        assertThat(ask(programme.warehouse(), "training_sessions", "grain=month&from=2020-06-30&to=2020-06-30").rows()).containsExactly(
                count(1, "period", "2020-06"));
    }
}
