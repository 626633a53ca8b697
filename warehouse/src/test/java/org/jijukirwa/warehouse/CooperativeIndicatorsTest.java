package org.jijukirwa.warehouse;

import java.time.LocalDate;
import java.util.Optional;

import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.ProgrammeWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;
import static org.jijukirwa.warehouse.testing.Rows.days;
import static org.jijukirwa.warehouse.testing.Rows.rate;
import static org.jijukirwa.warehouse.testing.Rows.rateWithoutDenominator;

/** The cooperative-level indicators on {@link ProgrammeFixture}; expectations worked out from its table. */
class CooperativeIndicatorsTest
{
    @RegisterExtension
    static final ProgrammeWarehouse programme = new ProgrammeWarehouse();

    @Test
    void coopsFormedDefaultsToTheSnapshotAsOfDate()
    {
        IndicatorAnswer answer = ask(programme.warehouse(), "coops_formed", "");
        assertThat(answer.asOf()).contains(LocalDate.parse("2020-06-30"));
        assertThat(answer.from()).isEmpty();
        assertThat(answer.kind()).isEqualTo(IndicatorKind.STOCK);
        assertThat(answer.unit()).isEqualTo(IndicatorUnit.COUNT);
        assertThat(answer.snapshot()).isEqualTo(programme.warehouse().snapshot().orElseThrow().id());
        assertThat(answer.rows()).containsExactly(count(6));
    }

    @Test
    void coopsFormedByDistrictOmitsDistrictsWithoutCooperativesAndSortsByName()
    {
        assertThat(ask(programme.warehouse(), "coops_formed", "by=district").rows()).containsExactly(
                count(2, "district", "Gasabo"),
                count(2, "district", "Huye"),
                count(1, "district", "Nyanza"),
                count(1, "district", "Nyarugenge"));
    }

    @Test
    void aCooperativeFormedOnTheAsOfDateExistsAndOneFormedTheDayAfterDoesNot()
    {
        // C3 formed 2019-06-30 (a UTC time of 2019-06-29 normalised to its Kigali date)
        assertThat(ask(programme.warehouse(), "coops_formed", "as_of=2019-06-30").rows()).containsExactly(count(4));
        assertThat(ask(programme.warehouse(), "coops_formed", "as_of=2019-06-29").rows()).containsExactly(count(3));
        // C6 formed on the snapshot's as-of date
        assertThat(ask(programme.warehouse(), "coops_formed", "as_of=2020-06-29&by=province").rows()).containsExactly(
                count(3, "province", "Kigali City"),
                count(2, "province", "Southern"));
    }

    @Test
    void coopsRegisteredCountsRegistrationsOnOrBeforeTheDate()
    {
        assertThat(ask(programme.warehouse(), "coops_registered", "").rows()).containsExactly(count(4));
        // C2 registered on 2019-12-31 itself; Southern has none yet and is left out
        assertThat(ask(programme.warehouse(), "coops_registered", "by=province&as_of=2019-12-31").rows()).containsExactly(
                count(2, "province", "Kigali City"));
    }

    @Test
    void nothingExistsBeforeTheFirstCooperative()
    {
        assertThat(ask(programme.warehouse(), "coops_formed", "as_of=2018-12-31").rows()).isEmpty();
    }

    @Test
    void formalisationRate()
    {
        assertThat(ask(programme.warehouse(), "formalisation_rate", "").rows()).containsExactly(rate(4, 6));
        assertThat(ask(programme.warehouse(), "formalisation_rate", "by=province").rows()).containsExactly(
                rate(2, 3, "province", "Kigali City"),
                rate(2, 3, "province", "Southern"));
        // a cell with cooperatives but no registration is kept: its denominator is not zero
        assertThat(ask(programme.warehouse(), "formalisation_rate", "by=value_chain").rows()).containsExactly(
                rate(1, 1, "value_chain", "carpentry"),
                rate(1, 2, "value_chain", "hairdressing"),
                rate(2, 3, "value_chain", "tailoring"));
        assertThat(ask(programme.warehouse(), "formalisation_rate", "as_of=2019-03-09").rows()).containsExactly(rate(0, 2));
    }

    @Test
    void bdcAccessRate()
    {
        assertThat(ask(programme.warehouse(), "bdc_access_rate", "").rows()).containsExactly(rate(3, 6));
        assertThat(ask(programme.warehouse(), "bdc_access_rate", "as_of=2019-06-30").rows()).containsExactly(rate(1, 4));
    }

    @Test
    void unionAffiliationRate()
    {
        assertThat(ask(programme.warehouse(), "union_affiliation_rate", "").rows()).containsExactly(rate(2, 6));
        assertThat(ask(programme.warehouse(), "union_affiliation_rate", "as_of=2020-06-29").rows()).containsExactly(rate(1, 5));
    }

    @Test
    void coopsTrainedRateCountsCooperativesWithAnAttendanceByTheDate()
    {
        assertThat(ask(programme.warehouse(), "coops_trained_rate", "").rows()).containsExactly(rate(5, 6));
        assertThat(ask(programme.warehouse(), "coops_trained_rate", "as_of=2019-06-30&by=province").rows()).containsExactly(
                rate(2, 3, "province", "Kigali City"),
                rate(1, 1, "province", "Southern"));
    }

    @Test
    void medianDaysToRegistrationTakesTheMeanOfTheTwoMiddleValuesForAnEvenCount()
    {
        // 10, 54, 276, 333
        assertThat(ask(programme.warehouse(), "median_days_to_registration", "").rows()).containsExactly(days(165.0));
        assertThat(ask(programme.warehouse(), "median_days_to_registration", "by=province").rows()).containsExactly(
                days(193.5, "province", "Kigali City"),
                days(143.0, "province", "Southern"));
        assertThat(ask(programme.warehouse(), "median_days_to_registration", "by=value_chain").rows()).containsExactly(
                days(276.0, "value_chain", "carpentry"),
                days(333.0, "value_chain", "hairdressing"),
                days(32.0, "value_chain", "tailoring"));
    }

    @Test
    void medianDaysToRegistrationOfAnOddCountIsTheMiddleValue()
    {
        // 54, 276, 333 (C4 registered on 2020-01-01 itself)
        assertThat(ask(programme.warehouse(), "median_days_to_registration", "as_of=2020-01-01").rows()).containsExactly(days(276.0));
    }

    @Test
    void medianDaysToRegistrationIsNullWhereNoCooperativeIsRegisteredYet()
    {
        assertThat(ask(programme.warehouse(), "median_days_to_registration", "as_of=2019-03-01").rows()).containsExactly(days(null));
        assertThat(ask(programme.warehouse(), "median_days_to_registration", "as_of=2020-06-30&value_chain=hairdressing&by=district").rows()).containsExactly(
                days(333.0, "district", "Gasabo"),
                days(null, "district", "Huye"));
    }

    @Test
    void formationTargetAttainmentSumsTheDistrictTargetsOfTheCell()
    {
        assertThat(ask(programme.warehouse(), "formation_target_attainment", "").rows()).containsExactly(rate(6, 10));
        // Western has a target and no cooperative: its denominator is not zero, so it is shown
        assertThat(ask(programme.warehouse(), "formation_target_attainment", "by=province").rows()).containsExactly(
                rate(3, 5, "province", "Kigali City"),
                rate(3, 4, "province", "Southern"),
                rate(0, 1, "province", "Western"));
        assertThat(ask(programme.warehouse(), "formation_target_attainment", "by=district&province=southern,western").rows()).containsExactly(
                rate(2, 2, "district", "Huye"),
                rate(0, 1, "district", "Karongi"),
                rate(1, 2, "district", "Nyanza"));
        assertThat(ask(programme.warehouse(), "formation_target_attainment", "by=district&province=southern,western").rows().get(0).denominator())
                .isInstanceOf(Long.class);
    }

    @Test
    void registrationTargetAttainmentHasOnlyAProgrammeWideTarget()
    {
        assertThat(ask(programme.warehouse(), "registration_target_attainment", "").rows()).containsExactly(rate(4, 4));
        assertThat(ask(programme.warehouse(), "registration_target_attainment", "by=province").rows()).containsExactly(
                rateWithoutDenominator(2, "province", "Kigali City"),
                rateWithoutDenominator(2, "province", "Southern"));
        // a filtered cell is not the whole programme
        assertThat(ask(programme.warehouse(), "registration_target_attainment", "province=Southern").rows()).containsExactly(
                rateWithoutDenominator(2));
    }

    @Test
    void filtersTakeNamesAndCodesInAnyCase()
    {
        assertThat(ask(programme.warehouse(), "coops_formed", "district=gasabo,NYANZA").rows()).containsExactly(count(3));
        assertThat(ask(programme.warehouse(), "coops_formed", "value_chain=TAILORING&by=district").rows()).containsExactly(
                count(1, "district", "Gasabo"),
                count(1, "district", "Nyanza"),
                count(1, "district", "Nyarugenge"));
        assertThat(ask(programme.warehouse(), "coops_formed", "province=kigali city&by=value_chain,district").rows()).containsExactly(
                count(1, "value_chain", "hairdressing", "district", "Gasabo"),
                count(1, "value_chain", "tailoring", "district", "Gasabo"),
                count(1, "value_chain", "tailoring", "district", "Nyarugenge"));
    }

    @Test
    void theAnswerKeepsTheRequestedDimensionOrder()
    {
        IndicatorAnswer answer = ask(programme.warehouse(), "coops_formed", "by=value_chain,province");
        assertThat(answer.by()).containsExactly("value_chain", "province");
        assertThat(answer.rows().get(0).cells().keySet()).containsExactly("value_chain", "province");
        assertThat(answer.rows()).containsExactly(
                count(1, "value_chain", "carpentry", "province", "Southern"),
                count(1, "value_chain", "hairdressing", "province", "Kigali City"),
                count(1, "value_chain", "hairdressing", "province", "Southern"),
                count(2, "value_chain", "tailoring", "province", "Kigali City"),
                count(1, "value_chain", "tailoring", "province", "Southern"));
        assertThat(answer.grain()).isEqualTo(Optional.empty());
    }
}
