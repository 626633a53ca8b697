package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jijukirwa.warehouse.snapshot.ReferenceList.District;
import org.jijukirwa.warehouse.snapshot.ReferenceList.Labelled;
import org.jijukirwa.warehouse.snapshot.ReferenceList.Province;
import org.jijukirwa.warehouse.snapshot.ReferenceList.Target;
import org.jijukirwa.warehouse.snapshot.ReferenceList;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference data of the served snapshot, as ProgrammeFixture writes it. */
class ReferenceListTest
{
    @Test
    void listsTheSnapshotsReferenceData(@TempDir Path root)
    {
        String id = ProgrammeFixture.programme(root).publish();
        try (Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults())) {
            ReferenceList reference = warehouse.reference();

            assertThat(reference.snapshot()).isEqualTo(id);
            // provinces by NISR code, districts by NISR code within them
            assertThat(reference.provinces()).containsExactly(
                    new Province("Kigali City", "1", List.of(new District("Nyarugenge", "11"), new District("Gasabo", "12"))),
                    new Province("Southern", "2", List.of(new District("Nyanza", "21"), new District("Huye", "24"))),
                    new Province("Western", "3", List.of(new District("Karongi", "31"))));
            // value chains and topics in the order the fixture wrote them, which is not alphabetical
            assertThat(reference.valueChains()).containsExactly(
                    new Labelled("tailoring", "Tailoring and garment making"),
                    new Labelled("hairdressing", "Hairdressing and beauty"),
                    new Labelled("carpentry", "Carpentry and joinery"));
            assertThat(reference.topics()).containsExactly(
                    new Labelled("governance", "Governance"),
                    new Labelled("business_plan", "Business plan"),
                    new Labelled("osh", "Occupational safety and health"));
            assertThat(reference.sexes()).containsExactly("F", "M", "U");
            assertThat(reference.ageBands()).containsExactly("16-30", "31-45", "46-60", "61+", "unknown");
            // by target, the programme-wide one first
            District gasabo = new District("Gasabo", "12");
            assertThat(reference.targets()).containsExactly(
                    new Target("coops_formed", Optional.of(new District("Nyarugenge", "11")), 2),
                    new Target("coops_formed", Optional.of(gasabo), 3),
                    new Target("coops_formed", Optional.of(new District("Nyanza", "21")), 2),
                    new Target("coops_formed", Optional.of(new District("Huye", "24")), 2),
                    new Target("coops_formed", Optional.of(new District("Karongi", "31")), 1),
                    new Target("coops_registered", Optional.empty(), 4),
                    new Target("training_sessions", Optional.empty(), 10),
                    new Target("training_sessions", Optional.of(new District("Nyarugenge", "11")), 2),
                    new Target("training_sessions", Optional.of(gasabo), 2),
                    new Target("training_sessions", Optional.of(new District("Nyanza", "21")), 2),
                    new Target("training_sessions", Optional.of(new District("Huye", "24")), 2));
        }
    }

    @Test
    void nothingToListBeforeTheFirstPublish(@TempDir Path root)
    {
        try (Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults())) {
            assertThatThrownBy(warehouse::reference).isInstanceOf(NoSnapshotException.class);
        }
    }
}
