package org.jijukirwa.warehouse;

import java.util.List;
import java.util.Optional;

import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.quarantine.DistrictQuality;
import org.jijukirwa.warehouse.quarantine.QualityPeriod;
import org.jijukirwa.warehouse.testing.FixtureWarehouse;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot whose quarantine folder holds no file: the accepted rows per district, nothing rejected. */
class DataQualityWithoutQuarantineTest
{
    @RegisterExtension
    static final FixtureWarehouse served = new FixtureWarehouse(root -> ProgrammeFixture.reference(SnapshotFixture.in(root).asOf("2020-06-30"))
            .cooperative("C1", "12", "tailoring", "2020-02-01", null)
            .cooperative("C2", "11", "tailoring", "2020-05-01", null)
            .member("M1", "C2", "P1", "F", 1995, "2020-05-10", null)
            .publish());

    @Test
    void everyDistrictHasItsAcceptedRowsAndNoRejectedOne()
    {
        assertThat(served.warehouse().dataQuality(QualityPeriod.all(), Audience.MANAGER)).containsExactly(
                new DistrictQuality("cooperatives", Optional.of("11"), 1, 0, List.of()),
                new DistrictQuality("cooperatives", Optional.of("12"), 1, 0, List.of()),
                new DistrictQuality("members", Optional.of("11"), 1, 0, List.of()));
    }
}
