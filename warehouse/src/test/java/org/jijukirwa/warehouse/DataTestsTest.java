package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.snapshot.DataTestFailure;
import org.jijukirwa.warehouse.snapshot.DataTests;
import org.jijukirwa.warehouse.snapshot.LoadedSnapshot;
import org.jijukirwa.warehouse.snapshot.SnapshotLoader;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SQL data test returns no row on a sound snapshot, and the ones a broken snapshot breaks do. */
class DataTestsTest
{
    @TempDir
    static Path root;
    static LoadedSnapshot sound;
    static LoadedSnapshot broken;

    static final List<String> TESTS = DataTests.TESTS;

    /** The tests the broken snapshot breaks, in the order of {@link DataTests#TESTS}. */
    static final List<String> BROKEN_BY_THE_BROKEN_SNAPSHOT = List.of(
            "unique_cooperatives_cooperative_id",
            "not_null_cooperatives_formed_on",
            "relationships_members_cooperatives",
            "relationships_coaching_visits_cooperatives",
            "relationships_cooperatives_districts",
            "relationships_trainings_topics",
            "registered_on_not_before_formed_on",
            "left_on_not_before_joined_on",
            "registered_not_more_than_formed_per_district");

    @BeforeAll
    static void load()
    {
        WarehouseDirectory directory = new WarehouseDirectory(root);
        sound = SnapshotLoader.load(directory, ProgrammeFixture.programme(root).publish());
        broken = SnapshotLoader.load(directory, ProgrammeFixture.reference(SnapshotFixture.in(root))
                .cooperative("C1", "12", "tailoring", "2019-01-01", "2018-12-01", null, null)
                .cooperative("C1", "12", "tailoring", "2019-01-01", null, null, null)
                .cooperative("C2", "99", "tailoring", "2019-01-01", null, null, null)
                .cooperative("C3", "11", "tailoring", null, "2019-05-01", null, null)
                .member("M1", "CX", null, "F", 1990, "2019-01-01", null)
                .member("M2", "C1", null, "F", 1990, "2019-01-01", "2018-01-01")
                .attendance("S1", "2019-02-01", "12", "astrology", "C1", null)
                .visit("V1", "CX", "2019-03-01")
                .publish());
    }

    @AfterAll
    static void release()
    {
        sound.release();
        broken.release();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TESTS")
    void holdsOnASoundSnapshot(String test)
            throws SQLException
    {
        assertThat(violations(sound, test)).isZero();
    }

    @Test
    void findsWhatABrokenSnapshotBreaks()
            throws SQLException
    {
        List<String> failing = new ArrayList<>();
        for (String test : DataTests.TESTS) {
            if (violations(broken, test) > 0) {
                failing.add(test);
            }
        }
        assertThat(failing).containsExactlyInAnyOrderElementsOf(BROKEN_BY_THE_BROKEN_SNAPSHOT);
    }

    @Test
    void theWarehouseReportsTheFailingTestsOfTheServedSnapshotWithSampleRows()
    {
        // the broken snapshot was published last, so it is the one served
        try (Warehouse warehouse = Warehouse.open(root, WarehouseSettings.defaults())) {
            List<DataTestFailure> failures = warehouse.dataTestFailures();

            assertThat(failures).extracting(DataTestFailure::test).containsExactlyElementsOf(BROKEN_BY_THE_BROKEN_SNAPSHOT);
            DataTestFailure duplicate = failures.get(0);
            assertThat(duplicate.violatingRows()).isEqualTo(1);
            assertThat(duplicate.sample()).containsExactly(Map.of("cooperative_id", "C1", "occurrences", "2"));
            // M1 names the unknown cooperative CX
            assertThat(failures.get(2).sample()).singleElement().satisfies(row -> assertThat(row).containsEntry("member_id", "M1"));
        }
    }

    private static long violations(LoadedSnapshot snapshot, String test)
            throws SQLException
    {
        try (Connection connection = snapshot.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select count(*) from (\n" + DataTests.sql(test) + "\n)")) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }
}
