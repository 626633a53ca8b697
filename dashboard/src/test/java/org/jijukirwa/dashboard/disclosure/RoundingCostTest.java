package org.jijukirwa.dashboard.disclosure;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoundingCostTest
{
    @Test
    void roundsTheBaseCellsOfTheDateAndSumsThemIntoTotals()
    {
        // Huye: 10 active, 5 of them registered (base cells 5 and 5: multiples of 5, unchanged);
        // Nyanza: 7 active, 2 registered (base cells 2, which rounds to 0 or 5, and 5); another date is left out
        Map<String, Long> truth = Map.of(
                "m|2020-12-31|Huye|tailoring|F|16-30|A", 10L,
                "m|2020-12-31|Huye|tailoring|F|16-30|R", 5L,
                "m|2020-12-31|Nyanza|welding|M|31-45|A", 7L,
                "m|2020-12-31|Nyanza|welding|M|31-45|R", 2L,
                "m|2020-06-30|Nyanza|welding|M|31-45|A", 3L,
                "a|2020-Q4|Huye|tailoring|leadership", 4L);

        RoundingCost.Cost cost = RoundingCost.members(truth, "2020-12-31", 5, "a test secret");

        assertThat(cost.exactTotal()).isEqualTo(17);
        assertThat(cost.protectedTotal()).isIn(15L, 20L);
        assertThat(cost.baseCells()).isEqualTo(4);
        assertThat(cost.baseCellsMoved()).isEqualTo(1);
        // the 2 rounds up with probability 0.4: variance 25 * 0.4 * 0.6 = 6
        assertThat(cost.totalErrorStandardDeviation()).isCloseTo(Math.sqrt(6), within(1e-9));
        assertThat(cost.largestDistrict()).isEqualTo("Nyanza");
        assertThat(cost.largestDistrictError()).isIn(2L, 3L);
        assertThat(cost.meanAbsoluteDistrictError()).isEqualTo(cost.largestDistrictError() / 2.0);
    }
}
