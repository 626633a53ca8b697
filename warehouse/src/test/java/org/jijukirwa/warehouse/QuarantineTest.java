package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.quarantine.QuarantinePage.Count;
import org.jijukirwa.warehouse.quarantine.QuarantinePage.QuarantinedRow;
import org.jijukirwa.warehouse.quarantine.QuarantinePage;
import org.jijukirwa.warehouse.quarantine.QuarantineQuery;
import org.jijukirwa.warehouse.snapshot.LoadedSnapshot;
import org.jijukirwa.warehouse.snapshot.SnapshotLoader;
import org.jijukirwa.warehouse.testing.FixtureWarehouse;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The quarantine of the served snapshot, five rejected rows:
 * <pre>
 * dataset       file                   line  reasons
 * cooperatives  cooperatives_2019.csv     7  unknown_district
 * cooperatives  cooperatives_2019.csv     3  invalid_date:formed_on, date_order:registered_on
 * members       members.csv              12  unknown_cooperative      (raw text with a name and a phone number)
 * members       members_2020.csv          5  invalid_date:joined_on
 * coaching      coaching.jsonl            2  malformed_row
 * </pre>
 */
class QuarantineTest
{
    @RegisterExtension
    static final FixtureWarehouse served = new FixtureWarehouse(root -> ProgrammeFixture.programme(root)
                .quarantined("cooperatives", "cooperatives/cooperatives_2019.csv", 7, "COOP-X-0001;Akarere ka Kigali;tailoring;2019-01-01",
                        "{cooperative_id='COOP-X-0001', district='Akarere ka Kigali'}", "[unknown_district]")
                .quarantined("cooperatives", "cooperatives/cooperatives_2019.csv", 3, "COOP-GAS-0002;Gasabo;tailoring;2019-13-01;2018-01-01",
                        "{cooperative_id='COOP-GAS-0002', formed_on='2019-13-01'}", "['invalid_date:formed_on', 'date_order:registered_on']")
                .quarantined("members", "members/members.csv", 12, "MEM-77,COOP-NOPE,Uwase Ange,0788123456",
                        "{member_id='MEM-77', full_name='Uwase Ange', phone='0788123456'}", "[unknown_cooperative]")
                .quarantined("members", "members/members_2020.csv", 5, "MEM-05,C1,2019-02-30",
                        "{member_id='MEM-05', joined_on='2019-02-30'}", "['invalid_date:joined_on']")
                .quarantined("coaching", "coaching/coaching.jsonl", 2, "{\"visit_id\": \"V9\"",
                        "{}", "[malformed_row]")
                .publish());

    @Test
    void firstPageHoldsEveryRowInFileOrderWithCountsByDatasetFileAndReason()
    {
        QuarantinePage page = served.warehouse().quarantine(QuarantineQuery.firstPage());

        assertThat(page.snapshot()).isEqualTo(served.snapshot());
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.rows()).extracting(QuarantinedRow::dataset, QuarantinedRow::sourceLine).containsExactly(
                tuple("coaching", 2L), tuple("cooperatives", 3L), tuple("cooperatives", 7L), tuple("members", 12L), tuple("members", 5L));
        assertThat(page.counts()).containsExactly(
                new Count("coaching", "coaching/coaching.jsonl", "malformed_row", 1),
                new Count("cooperatives", "cooperatives/cooperatives_2019.csv", "date_order:registered_on", 1),
                new Count("cooperatives", "cooperatives/cooperatives_2019.csv", "invalid_date:formed_on", 1),
                new Count("cooperatives", "cooperatives/cooperatives_2019.csv", "unknown_district", 1),
                new Count("members", "members/members.csv", "unknown_cooperative", 1),
                new Count("members", "members/members_2020.csv", "invalid_date:joined_on", 1));

        QuarantinedRow member = page.rows().get(3);
        assertThat(member.sourceFile()).isEqualTo("members/members.csv");
        assertThat(member.reasons()).containsExactly("unknown_cooperative");
        assertThat(member.rawText()).isEqualTo("MEM-77,COOP-NOPE,Uwase Ange,0788123456");
        assertThat(member.rawValues()).containsExactly(
                Map.entry("member_id", "MEM-77"), Map.entry("full_name", "Uwase Ange"), Map.entry("phone", "0788123456"));
        assertThat(page.rows().get(1).reasons()).containsExactly("invalid_date:formed_on", "date_order:registered_on");
        assertThat(page.rows().get(0).rawValues()).isEmpty();
    }

    @Test
    void filtersByDataset()
    {
        QuarantinePage page = served.warehouse().quarantine(query("dataset", "members"));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.rows()).extracting(QuarantinedRow::sourceLine).containsExactly(12L, 5L);
        assertThat(page.counts()).extracting(Count::dataset).containsOnly("members");
    }

    @Test
    void filtersBySourceFileExactly()
    {
        QuarantinePage page = served.warehouse().quarantine(query("file", "members/members_2020.csv"));

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.rows()).extracting(QuarantinedRow::sourceFile, QuarantinedRow::sourceLine)
                .containsExactly(tuple("members/members_2020.csv", 5L));
        assertThat(page.counts()).containsExactly(new Count("members", "members/members_2020.csv", "invalid_date:joined_on", 1));

        // a file name is matched whole, never as a prefix or a pattern
        assertThat(served.warehouse().quarantine(query("file", "members/members")).total()).isZero();
        assertThat(served.warehouse().quarantine(query("file", "members/%")).total()).isZero();
        // with the other filters
        assertThat(served.warehouse().quarantine(query("dataset", "cooperatives", "file", "members/members.csv")).total()).isZero();
        assertThat(served.warehouse().quarantine(query("file", "cooperatives/cooperatives_2019.csv", "reason", "unknown_district")).rows())
                .extracting(QuarantinedRow::sourceLine).containsExactly(7L);
    }

    @Test
    void aReasonFamilyMatchesEveryColumnAndCountsShowWhatComesWithIt()
    {
        QuarantinePage page = served.warehouse().quarantine(query("reason", "invalid_date"));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.rows()).extracting(QuarantinedRow::dataset, QuarantinedRow::sourceLine)
                .containsExactly(tuple("cooperatives", 3L), tuple("members", 5L));
        assertThat(page.counts()).containsExactly(
                new Count("cooperatives", "cooperatives/cooperatives_2019.csv", "date_order:registered_on", 1),
                new Count("cooperatives", "cooperatives/cooperatives_2019.csv", "invalid_date:formed_on", 1),
                new Count("members", "members/members_2020.csv", "invalid_date:joined_on", 1));

        assertThat(served.warehouse().quarantine(query("reason", "invalid_date:joined_on")).rows())
                .extracting(QuarantinedRow::dataset).containsExactly("members");
        assertThat(served.warehouse().quarantine(query("reason", "date_in_future")).total()).isZero();
        // both filters at once
        assertThat(served.warehouse().quarantine(query("dataset", "cooperatives", "reason", "unknown_district")).rows())
                .extracting(QuarantinedRow::sourceLine).containsExactly(7L);
    }

    @Test
    void pagesKeepTheTotal()
    {
        QuarantinePage page = served.warehouse().quarantine(query("limit", "2", "offset", "1"));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.rows()).extracting(QuarantinedRow::dataset, QuarantinedRow::sourceLine)
                .containsExactly(tuple("cooperatives", 3L), tuple("cooperatives", 7L));
        assertThat(page.query().limit()).isEqualTo(2);

        QuarantinePage beyond = served.warehouse().quarantine(query("offset", "5"));
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(beyond.counts()).hasSize(6);
    }

    @Test
    void anEmptyQuarantineHasNoRows(@TempDir Path otherRoot)
    {
        ProgrammeFixture.programme(otherRoot).publish();
        try (Warehouse other = Warehouse.open(otherRoot, WarehouseSettings.defaults())) {
            QuarantinePage page = other.quarantine(QuarantineQuery.firstPage());
            assertThat(page.total()).isZero();
            assertThat(page.counts()).isEmpty();
            assertThat(page.rows()).isEmpty();
        }
    }

    @Test
    void theQuarantineIsNeverLoadedIntoTheDatabaseThatAnswersIndicators()
            throws Exception
    {
        LoadedSnapshot snapshot = SnapshotLoader.load(new WarehouseDirectory(served.root()), served.snapshot());
        List<String> tables = new ArrayList<>();
        try (Connection connection = snapshot.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select table_schema || '.' || table_name from information_schema.tables")) {
            while (resultSet.next()) {
                tables.add(resultSet.getString(1));
            }
        }
        finally {
            snapshot.release();
        }
        assertThat(tables).contains("raw.cooperatives", "main.dim_cooperatives");
        assertThat(tables).noneMatch(table -> table.contains("quarantine") || table.contains("ingested_files"));
    }

    @Test
    void parsesDefaults()
    {
        assertThat(QuarantineQuery.parse(Map.of())).isEqualTo(new QuarantineQuery(Optional.empty(), Optional.empty(), Optional.empty(), 100, 0));
        assertThat(QuarantineQuery.parse(Map.of("dataset", " coaching ", "file", "coaching/visits 2020.csv", "reason", "date_order:left_on",
                "limit", "1000", "offset", "0")))
                .isEqualTo(new QuarantineQuery(Optional.of("coaching"), Optional.of("coaching/visits 2020.csv"), Optional.of("date_order:left_on"), 1000, 0));
    }

    @Test
    void rejectsParametersItCannotAnswer()
    {
        assertRejected(Map.of("dataset", "people"), "dataset");
        assertRejected(Map.of("reason", "unknown_distrct"), "reason");
        assertRejected(Map.of("reason", "unknown_district:district"), "reason");
        assertRejected(Map.of("reason", "invalid_date:"), "reason");
        assertRejected(Map.of("limit", "0"), "limit");
        assertRejected(Map.of("limit", "1001"), "limit");
        assertRejected(Map.of("limit", "ten"), "limit");
        assertRejected(Map.of("offset", "-1"), "offset");
        assertRejected(Map.of("offset", "99999999999"), "offset");
        assertRejected(Map.of("page", "2"), "page");
        assertRejected(Map.of("file", "members\n.csv"), "file");
        assertRejected(Map.of("file", "a/" + "b".repeat(1000)), "file");
    }

    private static void assertRejected(Map<String, String> parameters, String parameter)
    {
        assertThatThrownBy(() -> QuarantineQuery.parse(parameters))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    private static QuarantineQuery query(String... nameValues)
    {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int index = 0; index < nameValues.length; index += 2) {
            parameters.put(nameValues[index], nameValues[index + 1]);
        }
        return QuarantineQuery.parse(parameters);
    }
}
