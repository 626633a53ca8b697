package org.jijukirwa.warehouse;

import java.time.LocalDate;

import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;
import static org.jijukirwa.warehouse.testing.Rows.rate;

/** The flow indicators on {@link ProgrammeFixture}. */
class TrainingAndCoachingIndicatorsTest
{
    @RegisterExtension
    static final ProgrammeWarehouse programme = new ProgrammeWarehouse();

    @Test
    void aFlowRangeDefaultsFromTheEarliestEventOfItsFactsToTheSnapshotDate()
    {
        IndicatorAnswer sessions = ask(programme.warehouse(), "training_sessions", "");
        assertThat(sessions.kind()).isEqualTo(IndicatorKind.FLOW);
        assertThat(sessions.asOf()).isEmpty();
        assertThat(sessions.from()).contains(LocalDate.parse("2019-03-05"));
        assertThat(sessions.to()).contains(LocalDate.parse("2020-06-30"));
        assertThat(sessions.rows()).containsExactly(count(4));

        IndicatorAnswer visits = ask(programme.warehouse(), "coaching_visits", "to=2020-06-29");
        assertThat(visits.from()).contains(LocalDate.parse("2019-02-10"));
        assertThat(visits.rows()).containsExactly(count(4));
    }

    @Test
    void trainingSessionsArePlacedWhereTheSessionWasHeld()
    {
        assertThat(ask(programme.warehouse(), "training_sessions", "by=province").rows()).containsExactly(
                count(2, "province", "Kigali City"),
                count(2, "province", "Southern"));
        assertThat(ask(programme.warehouse(), "training_sessions", "by=topic").rows()).containsExactly(
                count(1, "topic", "business_plan"),
                count(2, "topic", "governance"),
                count(1, "topic", "osh"));
        // both ends of the range are inclusive: S2 on 2019-06-30, S4 on 2020-06-30
        assertThat(ask(programme.warehouse(), "training_sessions", "from=2019-06-30&to=2020-06-30").rows()).containsExactly(count(3));
        assertThat(ask(programme.warehouse(), "training_sessions", "from=2019-07-01&to=2020-06-29").rows()).containsExactly(count(1));
    }

    @Test
    void trainingTargetAttainmentMultipliesTheDistrictTargetByTheDistrictsOfTheCell()
    {
        // Western's one district has no target of its own: null, and with no session its row is left out
        assertThat(ask(programme.warehouse(), "training_target_attainment", "by=province&from=2019-01-01&to=2019-12-31").rows()).containsExactly(
                rate(1, 4, "province", "Kigali City"),
                rate(1, 4, "province", "Southern"));
        assertThat(ask(programme.warehouse(), "training_target_attainment", "by=district&from=2019-01-01&to=2019-12-31").rows()).containsExactly(
                rate(1, 2, "district", "Gasabo"),
                rate(1, 2, "district", "Huye"),
                rate(0, 2, "district", "Nyanza"),
                rate(0, 2, "district", "Nyarugenge"));
        // not every district has a target: the whole programme takes the programme-wide one
        assertThat(ask(programme.warehouse(), "training_target_attainment", "").rows()).containsExactly(rate(4, 10));
    }

    @Test
    void attendancesArePlacedAtTheAttendeesCooperative()
    {
        assertThat(ask(programme.warehouse(), "attendances", "").rows()).containsExactly(count(8));
        // C1's member at the Huye session counts for Kigali City
        assertThat(ask(programme.warehouse(), "attendances", "by=province").rows()).containsExactly(
                count(5, "province", "Kigali City"),
                count(3, "province", "Southern"));
        assertThat(ask(programme.warehouse(), "attendances", "by=value_chain").rows()).containsExactly(
                count(2, "value_chain", "carpentry"),
                count(1, "value_chain", "hairdressing"),
                count(5, "value_chain", "tailoring"));
        assertThat(ask(programme.warehouse(), "attendances", "topic=governance&by=value_chain").rows()).containsExactly(
                count(1, "value_chain", "carpentry"),
                count(1, "value_chain", "hairdressing"),
                count(3, "value_chain", "tailoring"));
    }

    @Test
    void coachingVisits()
    {
        assertThat(ask(programme.warehouse(), "coaching_visits", "by=province").rows()).containsExactly(
                count(3, "province", "Kigali City"),
                count(2, "province", "Southern"));
        assertThat(ask(programme.warehouse(), "coaching_visits", "by=value_chain&district=Gasabo").rows()).containsExactly(
                count(1, "value_chain", "hairdressing"),
                count(2, "value_chain", "tailoring"));
    }

    @Test
    void coopsCoachedRateDividesByTheCooperativesFormedAsOfTheEndOfTheRange()
    {
        assertThat(ask(programme.warehouse(), "coops_coached_rate", "from=2020-01-01&to=2020-06-30").rows()).containsExactly(rate(3, 6));
        assertThat(ask(programme.warehouse(), "coops_coached_rate", "from=2020-01-01&to=2020-06-30&by=province").rows()).containsExactly(
                rate(1, 3, "province", "Kigali City"),
                rate(2, 3, "province", "Southern"));
        // C5 was visited before it was formed: the numerator counts the visit, the denominator does not count C5 yet;
        // Kigali City has cooperatives and no visit: shown with 0
        assertThat(ask(programme.warehouse(), "coops_coached_rate", "from=2020-01-01&to=2020-02-29&by=province").rows()).containsExactly(
                rate(0, 3, "province", "Kigali City"),
                rate(2, 1, "province", "Southern"));
    }
}
