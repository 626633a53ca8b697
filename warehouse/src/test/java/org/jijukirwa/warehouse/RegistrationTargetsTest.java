package org.jijukirwa.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;

/**
 * Registration targets per district beside the programme-wide one: {@link SnapshotFixture#smallProgramme} (Gasabo has
 * 2 cooperatives registered by 2020-06-30, the programme 5) with a registration target of 4 for Gasabo and the
 * contract's programme-wide 214.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationTargetsTest
{
    private Warehouse warehouse;

    @BeforeAll
    void publish()
            throws IOException
    {
        Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "registration-targets-");
        SnapshotFixture.smallProgramme().target("coops_registered", "12", 4.0).publishTo(root);
        warehouse = Warehouse.open(root, WarehouseSettings.defaults());
    }

    @AfterAll
    void close()
    {
        warehouse.close();
    }

    @Test
    void aDistrictsOwnRegistrationTargetAppliesToItsCell()
    {
        AnswerRow gasabo = ask(warehouse, "registration_target_attainment", "district=Gasabo", Audience.PUBLIC).rows().get(0);
        assertThat(gasabo.numerator()).isEqualTo(2L);
        assertThat(gasabo.denominator().doubleValue()).isEqualTo(4.0);
        assertThat(gasabo.value()).isEqualTo(0.5);
        // Kicukiro has no target of its own: its cell has none
        AnswerRow kicukiro = ask(warehouse, "registration_target_attainment", "district=Kicukiro", Audience.PUBLIC).rows().get(0);
        assertThat(kicukiro.value()).isNull();
    }

    @Test
    void theProgrammeWideTargetStillAppliesToTheWholeProgramme()
    {
        AnswerRow programme = ask(warehouse, "registration_target_attainment", "", Audience.PUBLIC).rows().get(0);
        assertThat(programme.numerator()).isEqualTo(5L);
        assertThat(programme.denominator().doubleValue()).isEqualTo(214.0);
    }
}
