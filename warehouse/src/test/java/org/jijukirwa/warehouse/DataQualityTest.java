package org.jijukirwa.warehouse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.layout.Table;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.quarantine.DistrictQuality;
import org.jijukirwa.warehouse.quarantine.DistrictQuality.ReasonCount;
import org.jijukirwa.warehouse.quarantine.QualityPeriod;
import org.jijukirwa.warehouse.testing.FixtureWarehouse;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows accepted and rejected per dataset and district in the first quarter of 2020 (as of 2020-06-30):
 * <pre>
 * accepted      id  district  date        in Q1
 * cooperatives  C1  Gasabo    2020-02-01  yes
 * cooperatives  C2  Gasabo    2019-05-01  no
 * cooperatives  C3  Huye      2020-03-15  yes
 * members       M1  C1        2020-01-10  yes (Gasabo)
 * members       M2  C1        2019-12-01  no
 * members       M3  C3        2020-03-31  yes (Huye)
 * trainings     S1  Nyarugenge 2020-02-02 yes
 * coaching      V1  C3        2020-02-10  yes (Huye)
 *
 * rejected      district field / cooperative     date                                   reason                 in Q1, bucket
 * cooperatives  Gasabo                           2020-02-30 (broken: run 20200315)     invalid_date:formed_on yes, Gasabo
 * cooperatives  Akarere ka Kigali (broken)       2020-01-05                             unknown_district       yes, unknown
 * cooperatives  " huye District"                 10/03/2020                             unknown_value_chain    yes, Huye
 * cooperatives  12                               2019-07-01                             unknown_value_chain    no
 * members       C1                               2020-03-01T10:00:00+02:00              invalid_value:sex      yes, Gasabo (through C1)
 * members       COOP-NOPE                        2020-02-01                             unknown_cooperative    yes, unknown
 * trainings     Nyarugenge                       2020-02-02                             unknown_topic          yes, Nyarugenge
 * trainings     11                               2020-02-03                             unknown_topic, invalid_value:attendee_role  yes, Nyarugenge
 * trainings     Nyarugenge                       2020-02-04                             invalid_value:attendee_role, missing_required:cooperative_id  yes
 * trainings     NYARUGENGE                       2020-02-05                             missing_required:session_id  yes, Nyarugenge
 * coaching      (malformed: no values, run "fixture", so the as-of date 2020-06-30)     malformed_row          no
 * </pre>
 */
class DataQualityTest
{
    private static final QualityPeriod Q1 = new QualityPeriod(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-03-31"));

    @RegisterExtension
    static final FixtureWarehouse served = new FixtureWarehouse(root -> {
        SnapshotFixture fixture = ProgrammeFixture.reference(SnapshotFixture.in(root).asOf("2020-06-30"))
                .cooperative("C1", "12", "tailoring", "2020-02-01", null)
                .cooperative("C2", "12", "tailoring", "2019-05-01", null)
                .cooperative("C3", "24", "carpentry", "2020-03-15", null)
                .member("M1", "C1", "P1", "F", 1995, "2020-01-10", null)
                .member("M2", "C1", "P2", "M", 1990, "2019-12-01", null)
                .member("M3", "C3", "P3", "F", 1998, "2020-03-31", null)
                .attendance("S1", "2020-02-02", "11", "governance", "C1", "M1")
                .visit("V1", "C3", "2020-02-10");
        quarantined(fixture, "cooperatives", 2, "{district='Gasabo', formed_on='2020-02-30'}", "['invalid_date:formed_on']", "20200315T060000Z-3f9a1c");
        quarantined(fixture, "cooperatives", 3, "{district='Akarere ka Kigali', formed_on='2020-01-05'}", "[unknown_district]", "fixture");
        quarantined(fixture, "cooperatives", 4, "{district=' huye District', formed_on='10/03/2020'}", "[unknown_value_chain]", "fixture");
        quarantined(fixture, "cooperatives", 5, "{district='12', formed_on='2019-07-01'}", "[unknown_value_chain]", "fixture");
        quarantined(fixture, "members", 2, "{cooperative_id='C1', joined_on='2020-03-01T10:00:00+02:00', full_name='Uwase Ange'}",
                "['invalid_value:sex']", "fixture");
        quarantined(fixture, "members", 3, "{cooperative_id='COOP-NOPE', joined_on='2020-02-01'}", "[unknown_cooperative]", "fixture");
        quarantined(fixture, "trainings", 2, "{district='Nyarugenge', held_on='2020-02-02', cooperative_id='C1'}", "[unknown_topic]", "fixture");
        quarantined(fixture, "trainings", 3, "{district='11', held_on='2020-02-03'}", "[unknown_topic, 'invalid_value:attendee_role']", "fixture");
        quarantined(fixture, "trainings", 4, "{district='Nyarugenge', held_on='2020-02-04'}",
                "['invalid_value:attendee_role', 'missing_required:cooperative_id']", "fixture");
        quarantined(fixture, "trainings", 5, "{district='NYARUGENGE', held_on='2020-02-05'}", "['missing_required:session_id']", "fixture");
        quarantined(fixture, "coaching", 2, "{}", "[malformed_row]", "fixture");
        return fixture.publish();
    });

    private static void quarantined(SnapshotFixture fixture, String dataset, long line, String rawValues, String reasons, String run)
    {
        Map<String, Object> values = new HashMap<>();
        values.put("dataset", dataset);
        values.put("source_file", dataset + "/" + dataset + ".csv");
        values.put("source_line", line);
        values.put("raw_text", "raw " + line);
        values.put("raw_values", rawValues);
        values.put("reasons", reasons);
        values.put("ingest_run", run);
        values.put("last_seen_run", run);
        values.put("last_seen_file", dataset + "/" + dataset + ".csv");
        values.put("last_seen_line", line);
        values.put("times_seen", 1L);
        fixture.row(Table.QUARANTINE, values);
    }

    @Test
    void managersGetEveryDatasetPerDistrictWithTheRowsOfThePeriod()
    {
        List<DistrictQuality> rows = served.warehouse().dataQuality(Q1, Audience.MANAGER);

        assertThat(rows).containsExactly(
                new DistrictQuality("coaching", Optional.of("24"), 1, 0, List.of()),
                new DistrictQuality("cooperatives", Optional.of("12"), 1, 1, List.of(new ReasonCount("invalid_date:formed_on", 1))),
                new DistrictQuality("cooperatives", Optional.of("24"), 1, 1, List.of(new ReasonCount("unknown_value_chain", 1))),
                new DistrictQuality("cooperatives", Optional.empty(), 0, 1, List.of(new ReasonCount("unknown_district", 1))),
                new DistrictQuality("members", Optional.of("12"), 1, 1, List.of(new ReasonCount("invalid_value:sex", 1))),
                new DistrictQuality("members", Optional.of("24"), 1, 0, List.of()),
                new DistrictQuality("members", Optional.empty(), 0, 1, List.of(new ReasonCount("unknown_cooperative", 1))),
                // four rejected attendances, four reasons: the three most frequent, ties by name
                new DistrictQuality("trainings", Optional.of("11"), 1, 4, List.of(new ReasonCount("invalid_value:attendee_role", 2),
                        new ReasonCount("unknown_topic", 2), new ReasonCount("missing_required:cooperative_id", 1))));
        assertThat(rows.get(1).rejectedShare()).contains(0.5);
        assertThat(rows.get(0).rejectedShare()).contains(0.0);
    }

    @Test
    void thePublicGetsNoDistrictRowsOfPeople()
    {
        assertThat(served.warehouse().dataQuality(Q1, Audience.PUBLIC)).extracting(DistrictQuality::dataset)
                .containsExactly("coaching", "cooperatives", "cooperatives", "cooperatives");
    }

    @Test
    void theWholeRangeHoldsTheRowsOutsideTheQuarterToo()
    {
        List<DistrictQuality> rows = served.warehouse().dataQuality(QualityPeriod.all(), Audience.MANAGER);

        // C2, M2 and the 2019-07-01 cooperative; the malformed visit at the as-of date, in the unknown bucket
        assertThat(rows).contains(
                new DistrictQuality("cooperatives", Optional.of("12"), 2, 2,
                        List.of(new ReasonCount("invalid_date:formed_on", 1), new ReasonCount("unknown_value_chain", 1))),
                new DistrictQuality("members", Optional.of("12"), 2, 1, List.of(new ReasonCount("invalid_value:sex", 1))),
                new DistrictQuality("coaching", Optional.empty(), 0, 1, List.of(new ReasonCount("malformed_row", 1))));
    }

    @Test
    void aMalformedOrReversedPeriodNamesItsParameter()
    {
        assertThatThrownBy(() -> QualityPeriod.parse(Map.of("from", "2020-02-30")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'from'")
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("from");
        assertThatThrownBy(() -> QualityPeriod.parse(Map.of("from", "2020-04-01", "to", "2020-03-31")))
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("to");
        assertThatThrownBy(() -> QualityPeriod.parse(Map.of("to", "2101-01-01")))
                .hasMessageContaining("1900-01-01 to 2100-12-31");
        assertThat(QualityPeriod.parse(Map.of())).isEqualTo(QualityPeriod.all());
    }
}
