package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.ingest.ExportFiles.row;

/** Which tables of an export feed a dataset, without Spark. */
class FieldExportPlannerTest
{
    @TempDir
    Path folder;

    private final FieldExportPlanner planner = new FieldExportPlanner(ColumnMapping.none(), FormLibrary.none());

    @Test
    void theRepeatWhoseOwnColumnsFeedTheMostMakesTheRows()
            throws IOException
    {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Session", List.of(row("session_id", "held_on", "district", "topic", "_uuid", "_index"), row("S-1", "2020-03-01", "Gasabo", "osh", "a1", 1.0)));
        sheets.put("facilitators", List.of(row("facilitator", "cooperative_id", "_index", "_parent_table_name", "_parent_index"),
                row("Uwase", "COOP-GAS-0001", 1.0, "Session", 1.0)));
        sheets.put("attendee", List.of(row("cooperative_id", "member_id", "attendee_role", "_index", "_parent_table_name", "_parent_index"),
                row("COOP-GAS-0001", "M-1", "member", 1.0, "Session", 1.0)));
        Path file = ExportFiles.xlsx(folder.resolve("training.xlsx"), sheets);
        FieldExportPlanner.Planned planned = planner.plan(file, "training.xlsx", ExportContainer.XLSX, "h");
        assertThat(planned.dataFiles()).extracting(InputFile::relativePath).containsExactly("training.xlsx#attendee");
        assertThat(planned.ignoredFiles()).containsExactly("training.xlsx#Session", "training.xlsx#facilitators");
        FieldExport plan = planned.dataFiles().get(0).fieldExport();
        assertThat(plan.layout()).isEqualTo(FieldExport.RepeatLayout.CHILD_TABLE);
        assertThat(plan.parentTable()).isEqualTo("Session");
        assertThat(plan.repeatName()).isEqualTo("attendee");
        assertThat(plan.fillKeyColumn()).isEqualTo("member_id");
        assertThat(plan.submissionKeyColumn()).isEqualTo("_uuid");
        assertThat(plan.columns()).containsEntry("session_id", "session_id").containsEntry("cooperative_id", "cooperative_id");
    }

    @Test
    void aMainTableWithoutRepeatsFeedsItselfAndAZipWithoutCsvIsIgnored()
            throws IOException
    {
        Path csv = folder.resolve("coaching.csv");
        Files.writeString(csv, "visit_id,cooperative_id,visited_on,_submission_time\nV-1,C-1,2020-01-01,2020-01-01T10:00:00\n");
        FieldExportPlanner.Planned planned = planner.plan(csv, "coaching.csv", ExportContainer.CSV, "h");
        assertThat(planned.dataFiles()).singleElement().satisfies(file -> {
            assertThat(file.relativePath()).isEqualTo("coaching.csv");
            assertThat(file.contentSha256()).isEqualTo("h");
            assertThat(file.fieldExport().utcColumns()).containsExactly("_submission_time");
            assertThat(file.fieldExport().columns()).containsEntry("_submission_time", "updated_at");
        });
        Path zip = ExportFiles.zip(folder.resolve("coaching_media.zip"), Map.of("media/photo.jpg", "not a photo"));
        assertThat(planner.plan(zip, "coaching_media.zip", ExportContainer.ZIP, "h"))
                .isEqualTo(new FieldExportPlanner.Planned(List.of(), List.of("coaching_media.zip")));
    }

    @Test
    void mappingThatNamesAMissingRepeatIsAClearError()
            throws IOException
    {
        Path mapping = folder.resolve("mapping.json");
        Files.writeString(mapping, "{\"files\": [{\"path\": \"*.csv\", \"dataset\": \"trainings\", \"repeat\": \"attendees\"}]}");
        Path csv = folder.resolve("export.csv");
        Files.writeString(csv, "session_id,attendee[1]/cooperative_id,_submission_time\nS-1,C-1,2020-01-01T10:00:00\n");
        assertThatThrownBy(() -> new FieldExportPlanner(ColumnMapping.read(mapping), FormLibrary.none()).plan(csv, "export.csv", ExportContainer.CSV, "h"))
                .isInstanceOf(IngestException.class)
                .hasMessage("mapping file: export.csv has no repeat group 'attendees'");
    }

    @Test
    void unreadableWorkbookOrZipIsRejectedNamingTheFile()
            throws IOException
    {
        // (RejectedFilesTest: beside good files, the rest is published)
        IngestFixture fixture = new IngestFixture(folder).write("trainings/broken.xlsx", "not a workbook");
        assertThatThrownBy(fixture::run).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("every data file was rejected: trainings/broken.xlsx: rejected (corrupt_export): cannot be read as a field tool's export (");
        Files.delete(fixture.input().resolve("trainings/broken.xlsx"));
        fixture.write("trainings/broken.zip", "not a zip");
        assertThatThrownBy(fixture::run).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("every data file was rejected: trainings/broken.zip: rejected (corrupt_export): ");
    }
}
