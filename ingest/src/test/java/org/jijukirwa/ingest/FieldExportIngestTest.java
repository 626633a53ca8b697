package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.jijukirwa.layout.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.ingest.ExportFiles.row;

/** Exports as KoboToolbox and ODK Central write them, ingested end to end without a mapping file (as-of 2020-06-30). */
class FieldExportIngestTest
{
    private static final String COOPERATIVES = IngestFixture.cooperatives(
            "COOP-GAS-0001,Terimbere,Gasabo,tailoring,2019-01-01,2019-01-02",
            "COOP-HUY-0002,Dufatanye,Huye,welding,2019-02-01,2019-02-02");

    @TempDir
    Path folder;

    /** Kobo's XLSX: the session sheet, one attendee sheet joined on _parent_index -> _index. */
    private static Map<String, List<List<Object>>> koboAttendance()
    {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Training attendance", List.of(
                row("start", "session_id", "held_on", "district", "topic", "facilitator", "_id", "_uuid", "_submission_time", "_validation_status", "_index"),
                row("2020-03-01T09:00:00.000+02:00", "S-1", LocalDate.of(2020, 3, 1), "Gasabo", "governance", "Uwase", 101.0, "a1", "2020-03-02T08:00:00",
                        "validation_status_approved", 1.0),
                row(null, "S-2", LocalDate.of(2020, 3, 5), "Huye", "osh", "Uwase", 102.0, "a2", "2020-03-06T09:00:00", "validation_status_not_approved", 2.0),
                // saved through a dataframe library: dates as text with a blank, integers as floats
                row(null, "S-3", "2020-03-07 00:00:00", "Gasabo", "leadership", "n/a", 103.0, "a3", LocalDateTime.of(2020, 3, 8, 10, 0), "On Hold", 3.0)));
        sheets.put("attendee", List.of(
                row("cooperative_id", "member_id", "attendee_role", "_index", "_parent_table_name", "_parent_index", "_submission__uuid"),
                row("COOP-GAS-0001", "M-1", "member", 1.0, "Training attendance", 1.0, "a1"),
                row("COOP-GAS-0001", null, "local_leader", 2.0, "Training attendance", 1.0, "a1"),
                row("COOP-GAS-0001", "", "representative", 3.0, "Training attendance", 1.0, "a1"),
                row("COOP-HUY-0002", "M-7", "member", 4.0, "Training attendance", 2.0, "a2"),
                row("COOP-HUY-0002", "M-8", "member", 5.0, "Training attendance", 2.0, "a2"),
                row("COOP-GAS-0001", "n/a", "leader", 6.0, "Training attendance", 3.0, "a3")));
        return sheets;
    }

    @Test
    void koboXlsxRepeatRowsJoinTheirSessionAndRejectedSubmissionsAreQuarantined()
    {
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives.csv", COOPERATIVES);
        ExportFiles.xlsx(fixture.input().resolve("trainings/kobo_attendance.xlsx"), koboAttendance());
        RunReport report = fixture.run();

        RunReport.DatasetReport trainings = report.datasets().get("trainings");
        assertThat(trainings.files()).containsOnlyKeys("trainings/kobo_attendance.xlsx#attendee");
        assertThat(report.ignoredFiles()).containsExactly("trainings/kobo_attendance.xlsx#Training attendance");
        assertThat(trainings.rowsRead()).isEqualTo(6);
        assertThat(trainings.validRows()).isEqualTo(4);
        assertThat(trainings.byReason()).containsExactly(Map.entry("rejected_in_review", 2L));
        assertThat(trainings.currentKeys()).isEqualTo(4);
        assertThat(trainings.ignoredColumns()).containsExactly("_index", "_parent_index", "_parent_table_name", "_submission__uuid");

        List<Row> rows = fixture.current(Table.TRAININGS);
        assertThat(rows).extracting(row -> (String) row.getAs("member_id"))
                .containsExactly("M-1", "uuid:a1/attendee[2]", "uuid:a1/attendee[3]", "uuid:a3/attendee[1]");
        Row first = rows.get(0);
        assertThat((String) first.getAs("session_id")).isEqualTo("S-1");
        assertThat(((java.sql.Date) first.getAs("held_on")).toLocalDate()).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat((String) first.getAs("district_code")).isEqualTo("12");
        assertThat((String) first.getAs("topic")).isEqualTo("governance");
        assertThat((String) first.getAs("source_file")).isEqualTo("trainings/kobo_attendance.xlsx#attendee");
        assertThat((Long) first.getAs("source_line")).isEqualTo(2L);
        // _submission_time is UTC without an offset
        assertThat((Timestamp) first.getAs("updated_at")).isEqualTo(Timestamp.from(Instant.parse("2020-03-02T08:00:00Z")));
        Row onHold = rows.get(3);
        assertThat((String) onHold.getAs("session_id")).isEqualTo("S-3");
        assertThat(((java.sql.Date) onHold.getAs("held_on")).toLocalDate()).isEqualTo(LocalDate.of(2020, 3, 7));
        assertThat((String) onHold.getAs("attendee_role")).isEqualTo("leader");
        assertThat((Timestamp) onHold.getAs("updated_at")).isEqualTo(Timestamp.from(Instant.parse("2020-03-08T10:00:00Z")));

        List<Row> quarantine = SparkTestSession.get().read().parquet(fixture.warehouse().table(fixture.warehouse().currentSnapshotId().orElseThrow(),
                Table.QUARANTINE).toString()).collectAsList();
        assertThat(quarantine).hasSize(2).allSatisfy(row -> assertThat(row.<Object>getList(row.fieldIndex("reasons"))).containsExactly("rejected_in_review"));
    }

    @Test
    void odkZipOfTheSameSubmissionsChangesNothingAfterKobo()
    {
        // ODK Central: <form>.csv and <form>-<repeat>.csv, groups joined by '-', SubmissionDate in UTC with its Z, KEY / PARENT_KEY.
        String main = "SubmissionDate,session-session_id,session-held_on,session-district,session-topic,facilitator,meta-instanceID,KEY,SubmitterID,"
                + "SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion\r\n"
                + "2020-03-02T08:00:00.000Z,S-1,2020-03-01,Gasabo,governance,Uwase,uuid:a1,uuid:a1,5,officer,0,0,,approved,,0,1\r\n"
                + "2020-03-06T09:00:00.000Z,S-2,2020-03-05,Huye,osh,Uwase,uuid:a2,uuid:a2,5,officer,0,0,,rejected,,0,1\r\n"
                + "2020-03-08T12:00:00.000+02:00,S-3,2020-03-07,Gasabo,leadership,,uuid:a3,uuid:a3,5,officer,0,0,,hasIssues,,0,1\r\n";
        String attendees = "cooperative_id,member_id,attendee_role,PARENT_KEY,KEY\r\n"
                + "COOP-GAS-0001,M-1,member,uuid:a1,uuid:a1/attendee[1]\r\n"
                + "COOP-GAS-0001,,local_leader,uuid:a1,uuid:a1/attendee[2]\r\n"
                + "COOP-GAS-0001,,representative,uuid:a1,uuid:a1/attendee[3]\r\n"
                + "COOP-HUY-0002,M-7,member,uuid:a2,uuid:a2/attendee[1]\r\n"
                + "COOP-HUY-0002,M-8,member,uuid:a2,uuid:a2/attendee[2]\r\n"
                + "COOP-GAS-0001,,leader,uuid:a3,uuid:a3/attendee[1]\r\n";
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("training_attendance.csv", main);
        entries.put("training_attendance-attendee.csv", attendees);
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives.csv", COOPERATIVES);
        ExportFiles.xlsx(fixture.input().resolve("trainings/a_kobo.xlsx"), koboAttendance());
        ExportFiles.zip(fixture.input().resolve("trainings/b_odk.zip"), entries);
        RunReport report = fixture.run();

        RunReport.DatasetReport trainings = report.datasets().get("trainings");
        RunReport.FileReport odk = trainings.files().get("trainings/b_odk.zip!training_attendance-attendee.csv");
        assertThat(odk.rowsRead()).isEqualTo(6);
        assertThat(odk.validRows()).isEqualTo(4);
        assertThat(odk.unchangedRows()).isEqualTo(4);  // same keys, same values, same updated_at as from Kobo
        assertThat(odk.byReason()).containsExactly(Map.entry("rejected_in_review", 2L));
        assertThat(report.ignoredFiles()).containsExactly("trainings/a_kobo.xlsx#Training attendance", "trainings/b_odk.zip!training_attendance.csv");
        assertThat(trainings.currentKeys()).isEqualTo(4);
        assertThat(fixture.current(Table.TRAININGS)).extracting(row -> (String) row.getAs("source_file")).containsOnly("trainings/a_kobo.xlsx#attendee");

        // Running again over the same files reads nothing new: each table's hash was recorded.
        RunReport again = fixture.run();
        assertThat(again.datasets().get("trainings").files().values()).allSatisfy(file -> assertThat(file.skippedAlreadyIngested()).isTrue());
        assertThat(again.datasets().get("trainings").files()).hasSize(2);
    }

    @Test
    void anOdkZipWhoseCsvBreaksOnlyPartWayIsARejectedFileAndTheRestIsPublished()
    {
        String main = "SubmissionDate,session-session_id,session-held_on,session-district,session-topic,facilitator,meta-instanceID,KEY,ReviewState\r\n"
                + "2020-03-02T08:00:00.000Z,S-1,2020-03-01,Gasabo,governance,Uwase,uuid:a1,uuid:a1,approved\r\n";
        StringBuilder attendees = new StringBuilder("cooperative_id,member_id,attendee_role,PARENT_KEY,KEY\r\n");
        for (int i = 1; i <= 5_000; i++) {
            attendees.append("COOP-GAS-0001,M-").append(i).append(",member,uuid:a1,uuid:a1/attendee[").append(i).append("]\r\n");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("training_attendance.csv", main);
        entries.put("training_attendance-attendee.csv", attendees.toString());
        // invalid UTF-8 (a Latin-1 e-acute) on line 4,000 of the repeat, long after its header
        Map<String, String> latin = new LinkedHashMap<>(entries);
        int at = attendees.indexOf("M-3999,");
        latin.put("training_attendance-attendee.csv", attendees.substring(0, at) + "Ren\u00e9" + attendees.substring(at));
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives.csv", COOPERATIVES);
        ExportFiles.xlsx(fixture.input().resolve("trainings/a_kobo.xlsx"), koboAttendance());
        ExportFiles.zipWithTruncatedEntry(fixture.input().resolve("trainings/b_truncated.zip"), entries, "training_attendance-attendee.csv");
        Path latinZip = fixture.input().resolve("trainings/c_latin1.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(latinZip))) {
            for (Map.Entry<String, String> entry : latin.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        RunReport report = fixture.run();

        assertThat(report.published()).isTrue();
        assertThat(report.rejectedFiles()).extracting(rejection -> rejection.file() + " " + rejection.reason().code())
                .containsExactly("trainings/b_truncated.zip corrupt_export", "trainings/c_latin1.zip not_utf8");
        assertThat(report.rejectedFiles().get(0).message())
                .startsWith("its entry training_attendance-attendee.csv breaks off after line ")
                .endsWith("a damaged or incomplete download; export it again from the tool");
        assertThat(report.rejectedFiles().get(1).message()).startsWith("its entry training_attendance-attendee.csv: byte ").contains("(line 4000)");
        // the Kobo workbook is published as if the broken zips were not there
        assertThat(report.datasets().get("trainings").files().keySet()).allMatch(file -> file.startsWith("trainings/a_kobo.xlsx"));
        assertThat(fixture.current(Table.TRAININGS)).isNotEmpty()
                .extracting(row -> (String) row.getAs("source_file")).containsOnly("trainings/a_kobo.xlsx#attendee");
    }

    @Test
    void legacyKobocatCsvUnpivotsNumberedRepeatsAndJoinsSelectMultipleColumns()
    {
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives.csv", COOPERATIVES)
                .write("trainings/legacy.csv", "session_id,held_on,district,topic,attendee[1]/cooperative_id,attendee[1]/member_id,attendee[1]/attendee_role,"
                        + "attendee[2]/cooperative_id,attendee[2]/member_id,attendee[2]/attendee_role,_uuid,_submission_time\n"
                        + "S-1,2020-03-01,Gasabo,governance,COOP-GAS-0001,n/a,local_leader,COOP-GAS-0001,n/a,representative,a1,2020-03-02T08:00:00\n"
                        + "S-2,2020-03-05,Huye,osh,COOP-HUY-0002,M-7,member,n/a,n/a,n/a,a2,2020-03-06T09:00:00\n")
                .write("coaching/legacy.csv", "visit_id,cooperative_id,visited_on,topics/governance,topics/osh,topics/leadership,maturity_score,follow_up_due,"
                        + "_uuid,_submission_time\n"
                        + "V-1,COOP-GAS-0001,2020-04-01,True,False,True,55,n/a,v1,2020-04-01T10:00:00\n"
                        + "V-2,COOP-HUY-0002,2020-04-02,False,False,False,n/a,2020-05-01,v2,2020-04-02T10:00:00\n");
        RunReport report = fixture.run();

        RunReport.DatasetReport trainings = report.datasets().get("trainings");
        assertThat(trainings.rowsRead()).isEqualTo(3);  // two attendees, one attendee, an empty attendee[2] dropped
        assertThat(trainings.validRows()).isEqualTo(3);
        assertThat(fixture.current(Table.TRAININGS)).extracting(row -> row.getAs("session_id") + " " + row.getAs("member_id") + " " + row.getAs("attendee_role"))
                .containsExactly("S-1 uuid:a1/attendee[1] local_leader", "S-1 uuid:a1/attendee[2] representative", "S-2 M-7 member");

        RunReport.DatasetReport coaching = report.datasets().get("coaching");
        assertThat(coaching.validRows()).isEqualTo(2);
        List<Row> visits = fixture.current(Table.COACHING);
        assertThat(visits.get(0).<String>getList(visits.get(0).fieldIndex("topics"))).containsExactly("governance", "leadership");
        assertThat((Object) visits.get(0).getAs("follow_up_due")).isNull();
        assertThat((Integer) visits.get(0).getAs("maturity_score")).isEqualTo(55);
        assertThat((Object) visits.get(1).getAs("topics")).isNull();
        assertThat(coaching.ignoredColumns()).containsExactly("_uuid");
    }

    @Test
    void labelExportIsResolvedThroughTheXlsFormDroppedBesideIt()
    {
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives.csv", COOPERATIVES);
        writeCoachingForm(fixture.input().resolve("forms/coaching_visit.xlsx"));
        // Kobo CSV: ';' separated, all quoted, CRLF, labels (Kinyarwanda) instead of names, group label prefixes, an HXL row.
        fixture.write("kobo/Coaching_visit_-_labels.csv", "\"Kode y'uruzinduko\";\"Itsinda/Koperative\";\"Itsinda/Itariki\";\"Ingingo\";\"Amanota\";"
                + "\"_uuid\";\"_submission_time\";\"_validation_status\"\r\n"
                + "\"#meta+visit\";\"#org\";\"#date\";\"\";\"\";\"\";\"\";\"\"\r\n"
                + "\"V-1\";\"COOP-GAS-0001\";\"2020-04-01\";\"Imiyoborere Imicungire y'imari\";\"60\";\"k1\";\"2020-04-01T10:00:00\";\"Approved\"\r\n"
                + "\"\";\"COOP-HUY-0002\";\"2020-04-02\";\"Umutekano ku kazi\";\"\";\"k2\";\"2020-04-02T10:00:00\";\"\"\r\n"
                + "\"V-3\";\"COOP-HUY-0002\";\"2020-04-03\";\"Ikindi\";\"\";\"k3\";\"2020-04-03T10:00:00\";\"Not Approved\"\r\n");
        RunReport report = fixture.run();

        RunReport.DatasetReport coaching = report.datasets().get("coaching");
        assertThat(report.ignoredFiles()).containsExactly("forms/coaching_visit.xlsx");
        assertThat(coaching.files()).containsOnlyKeys("kobo/Coaching_visit_-_labels.csv");
        assertThat(coaching.rowsRead()).isEqualTo(3);
        assertThat(coaching.validRows()).isEqualTo(1);
        assertThat(coaching.byReason()).containsOnly(Map.entry("missing_required:visit_id", 1L), Map.entry("rejected_in_review", 1L));
        List<Row> visits = fixture.current(Table.COACHING);
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).<String>getList(visits.get(0).fieldIndex("topics"))).containsExactly("governance", "financial_management");
        assertThat((Timestamp) visits.get(0).getAs("updated_at")).isEqualTo(Timestamp.from(Instant.parse("2020-04-01T10:00:00Z")));
    }

    @Test
    void shortMappingForAFormTheProgrammeDidNotDefine()
            throws Exception
    {
        // A visit without a visit code takes its submission's _uuid; topics and the repeat come from the mapping.
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Ziara", List.of(
                row("koperative", "tarehe", "_uuid", "_submission_time", "_index"),
                row("COOP-GAS-0001", LocalDate.of(2020, 4, 1), "z1", "2020-04-01T10:00:00", 1.0)));
        sheets.put("mada", List.of(
                row("mada_jina", "_index", "_parent_table_name", "_parent_index"),
                row("Uongozi", 1.0, "Ziara", 1.0)));
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives.csv", COOPERATIVES);
        ExportFiles.xlsx(fixture.input().resolve("field/ziara.xlsx"), sheets);
        Path mapping = folder.resolve("mapping.json");
        Files.writeString(mapping, """
                {"files": [
                  {"path": "field/ziara.xlsx", "dataset": "coaching",
                   "columns": {"koperative": "cooperative_id", "tarehe": "visited_on", "_uuid": "visit_id"}},
                  {"path": "field/*.zip", "dataset": "coaching", "repeat": "mada",
                   "columns": {"mada_jina": "topics"}, "values": {"topics": {"Uongozi": "leadership"}}}
                ]}
                """);
        RunReport report = fixture.run(Optional.of(mapping));
        assertThat(report.datasets().get("coaching").files()).containsOnlyKeys("field/ziara.xlsx#Ziara");
        assertThat(report.ignoredFiles()).containsExactly("field/ziara.xlsx#mada");
        List<Row> visits = fixture.current(Table.COACHING);
        assertThat(visits).extracting(row -> (String) row.getAs("visit_id")).containsExactly("z1");

        // The same workbook read through its repeat: one row per topic row, values through the aliases.
        Files.writeString(mapping, """
                {"files": [
                  {"path": "field/ziara.xlsx", "dataset": "coaching", "repeat": "mada",
                   "columns": {"koperative": "cooperative_id", "tarehe": "visited_on", "_uuid": "visit_id", "mada_jina": "topics"},
                   "values": {"topics": {"Uongozi": "leadership"}}}
                ]}
                """);
        Files.delete(fixture.input().resolve("field/ziara.xlsx"));
        sheets.put("mada", List.of(
                row("mada_jina", "_index", "_parent_table_name", "_parent_index"),
                row("Uongozi", 1.0, "Ziara", 1.0),
                row("Uongozi", 2.0, "Ziara", 1.0)));
        ExportFiles.xlsx(fixture.input().resolve("field/ziara.xlsx"), sheets);
        RunReport second = fixture.run(Optional.of(mapping));
        RunReport.FileReport repeatFile = second.datasets().get("coaching").files().get("field/ziara.xlsx#mada");
        assertThat(repeatFile.rowsRead()).isEqualTo(2);
        assertThat(repeatFile.validRows()).isEqualTo(2);
        List<Row> again = fixture.current(Table.COACHING);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).<String>getList(again.get(0).fieldIndex("topics"))).containsExactly("leadership");
    }

    /** An XLSForm: survey with a group and labels in English and Kinyarwanda, choices for the topics. */
    static Path writeCoachingForm(Path file)
    {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("survey", List.of(
                row("type", "name", "label::English (en)", "label::Kinyarwanda (rw)"),
                row("text", "visit_id", "Visit code", "Kode y'uruzinduko"),
                row("begin_group", "grp", "Group", "Itsinda"),
                row("text", "cooperative_id", "Cooperative", "Koperative"),
                row("date", "visited_on", "Date of visit", "Itariki"),
                row("end_group", null, null, null),
                row("select_multiple topic", "topics", "Topics", "Ingingo"),
                row("integer", "maturity_score", "Maturity score", "Amanota")));
        sheets.put("choices", List.of(
                row("list_name", "name", "label::English (en)", "label::Kinyarwanda (rw)"),
                row("topic", "governance", "Governance", "Imiyoborere"),
                row("topic", "financial_management", "Financial management", "Imicungire y'imari"),
                row("topic", "osh", "Occupational safety and health", "Umutekano ku kazi")));
        sheets.put("settings", List.of(row("form_title", "form_id"), row("Coaching visit", "coaching_visit")));
        return ExportFiles.xlsx(file, sheets);
    }
}
