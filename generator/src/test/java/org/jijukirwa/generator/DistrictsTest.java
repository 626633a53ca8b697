package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictsTest
{
    @Test
    void thirtyDistrictsWithUniqueCodesAndAbbreviations()
    {
        assertThat(Districts.ALL).hasSize(30);
        assertThat(Districts.ALL.stream().map(District::code).distinct()).hasSize(30);
        assertThat(Districts.ALL.stream().map(District::abbreviation).distinct()).hasSize(30);
        assertThat(Districts.ALL.get(1).name()).isEqualTo("Gasabo");
        assertThat(Districts.ALL.get(1).provinceCode()).isEqualTo("1");
        assertThat(Districts.ALL.get(29).code()).isEqualTo("57");
    }

    @Test
    void thirtyCooperativesGiveOneToEachDistrict()
    {
        assertThat(Districts.allocate(30)).containsOnly(1);
    }

    @Test
    void theRestIsSharedByPopulation()
    {
        int[] counts = Districts.allocate(300);

        assertThat(Arrays.stream(counts).sum()).isEqualTo(300);
        // Gasabo: 1 + 270 x 880 / 13 247 thousand people = 1 + 17.9; Nyaruguru: 1 + 270 x 318 / 13 247 = 1 + 6.5.
        assertThat(counts[1]).isBetween(18, 19);
        assertThat(counts[5]).isBetween(7, 8);
    }

    @Test
    void fewerCooperativesThanDistrictsAreRefused()
    {
        assertThatThrownBy(() -> Districts.allocate(29))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 30");
    }
}
