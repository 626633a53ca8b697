package org.jijukirwa.warehouse.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorCatalogueTest
{
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

    @Test
    void holdsEveryIndicatorOfTheSpecInItsOrder()
    {
        assertThat(catalogue.indicators()).extracting(Indicator::id).containsExactly(
                "coops_formed", "coops_registered", "formalisation_rate", "bdc_access_rate", "union_affiliation_rate",
                "coops_trained_rate", "median_days_to_registration", "formation_target_attainment", "registration_target_attainment",
                "members_active", "member_formalisation_rate", "women_share", "youth_share", "persons_reached",
                "training_sessions", "training_target_attainment", "attendances", "coaching_visits", "coops_coached_rate");
    }

    @Test
    void personCountingIndicatorsAreTheMemberLevelOnesAndAttendances()
    {
        assertThat(catalogue.indicators()).filteredOn(Indicator::countsPersons).extracting(Indicator::id).containsExactly(
                "members_active", "member_formalisation_rate", "women_share", "youth_share", "persons_reached", "attendances");
    }

    @Test
    void kindsUnitsAndDimensionsFollowTheSpec()
    {
        Indicator median = catalogue.find("median_days_to_registration").orElseThrow();
        assertThat(median.kind()).isEqualTo(IndicatorKind.STOCK);
        assertThat(median.unit()).isEqualTo(IndicatorUnit.DAYS);
        assertThat(median.dimensionNames()).containsExactly("province", "district", "value_chain");

        assertThat(catalogue.find("members_active").orElseThrow().dimensionNames()).containsExactly("province", "district", "value_chain", "sex", "age_band");
        assertThat(catalogue.find("registration_target_attainment").orElseThrow().dimensionNames()).containsExactly("province", "district");
        assertThat(catalogue.find("training_sessions").orElseThrow().dimensionNames()).containsExactly("province", "district", "topic");
        assertThat(catalogue.find("attendances").orElseThrow().dimensionNames()).containsExactly("province", "district", "value_chain", "sex", "age_band", "topic");

        Indicator coached = catalogue.find("coops_coached_rate").orElseThrow();
        assertThat(coached.kind()).isEqualTo(IndicatorKind.FLOW);
        assertThat(coached.unit()).isEqualTo(IndicatorUnit.RATE);
        assertThat(coached.definition()).isEqualTo("distinct cooperatives with a visit in range / coops_formed as of `to`");
        assertThat(catalogue.find("no_such_indicator")).isEmpty();
    }
}
