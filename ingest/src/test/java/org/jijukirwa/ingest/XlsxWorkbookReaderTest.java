package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.ingest.ExportFiles.row;

class XlsxWorkbookReaderTest
{
    @TempDir
    Path folder;

    @Test
    void cellsComeTypedAndSheetsInWorkbookOrder()
            throws IOException
    {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Training attendance", List.of(
                row("session_id", "birth_year", "held_on", "_submission_time", "score", "flag", "note"),
                row("S-1", 1990.0, LocalDate.of(2020, 3, 1), LocalDateTime.of(2020, 3, 1, 7, 12, 45), 2.5, true, "a, \"b\""),
                row(),
                row("S-2", null, null, null, -3, false, null)));
        sheets.put("attendee", List.of(row("member_id"), row("M-1")));
        Path file = ExportFiles.xlsx(folder.resolve("export.xlsx"), sheets);

        assertThat(XlsxWorkbookReader.sheetNames(file)).containsExactly("Training attendance", "attendee");
        List<ExportRow> rows = new ArrayList<>();
        try (ExportTable table = ExportContainer.XLSX.open(file, "Training attendance")) {
            assertThat(table.header()).containsExactly("session_id", "birth_year", "held_on", "_submission_time", "score", "flag", "note");
            for (ExportRow row = table.next(); row != null; row = table.next()) {
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(2);  // the empty row is skipped
        assertThat(rows.get(0).cells()).containsExactly("S-1", "1990", "2020-03-01", "2020-03-01T07:12:45", "2.5", "true", "a, \"b\"");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).rawText()).isEqualTo("S-1,1990,2020-03-01,2020-03-01T07:12:45,2.5,true,\"a, \"\"b\"\"\"");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).cells()).containsExactly("S-2", null, null, null, "-3", "false");
        assertThat(rows.get(1).cell(6)).isNull();
    }

    @Test
    void numbersAndColumnReferences()
    {
        assertThat(XlsxWorkbookReader.numberText(1990.0)).isEqualTo("1990");
        assertThat(XlsxWorkbookReader.numberText(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(XlsxWorkbookReader.numberText(68.50)).isEqualTo("68.5");
        assertThat(XlsxWorkbookReader.numberText(1e20)).isEqualTo("100000000000000000000");
        assertThat(XlsxWorkbookReader.columnIndex("A1")).isZero();
        assertThat(XlsxWorkbookReader.columnIndex("Z9")).isEqualTo(25);
        assertThat(XlsxWorkbookReader.columnIndex("AB12")).isEqualTo(27);
        assertThat(XlsxWorkbookReader.dateText(LocalDateTime.of(2020, 3, 1, 23, 59, 59, 600_000_000))).isEqualTo("2020-03-02");
        assertThat(XlsxWorkbookReader.dateText(LocalDateTime.of(2020, 3, 1, 7, 12, 44, 600_000_000))).isEqualTo("2020-03-01T07:12:45");
    }

    @Test
    void toolValuesAreReadAsTheContractMeansThem()
    {
        assertThat(ExportValues.clean(" n/a ", false)).isNull();
        assertThat(ExportValues.clean("N/A", false)).isNull();
        assertThat(ExportValues.clean("NaN", false)).isNull();
        assertThat(ExportValues.clean("1990.0", false)).isEqualTo("1990");
        assertThat(ExportValues.clean("1990.5", false)).isEqualTo("1990.5");
        assertThat(ExportValues.clean("2020-03-01 07:12:45", false)).isEqualTo("2020-03-01T07:12:45");
        assertThat(ExportValues.clean("2020-03-01 07:12:45", true)).isEqualTo("2020-03-01T07:12:45Z");
        assertThat(ExportValues.clean("2020-03-01T07:12:45.123", true)).isEqualTo("2020-03-01T07:12:45.123Z");
        assertThat(ExportValues.clean("2020-03-01T07:12:45+02:00", true)).isEqualTo("2020-03-01T07:12:45+02:00");
        assertThat(ExportValues.clean("2020-03-01", true)).isEqualTo("2020-03-01");
        assertThat(ReviewState.isRejected("validation_status_not_approved")).isTrue();
        assertThat(ReviewState.isRejected("Not Approved")).isTrue();
        assertThat(ReviewState.isRejected("rejected")).isTrue();
        assertThat(ReviewState.isRejected("validation_status_on_hold")).isFalse();
        assertThat(ReviewState.isRejected("hasIssues")).isFalse();
        assertThat(ReviewState.isRejected("edited")).isFalse();
        assertThat(ReviewState.isRejected(null)).isFalse();
    }

    @Test
    void labelsBecomeChoiceNames()
    {
        Map<String, String> topics = Map.of("imiyoborere", "governance", "financial management", "financial_management",
                "financial", "wrong", "osh", "osh");
        assertThat(ChoiceNames.translate("Imiyoborere", topics, false)).isEqualTo("governance");
        assertThat(ChoiceNames.translate("Unknown label", topics, false)).isEqualTo("Unknown label");
        assertThat(ChoiceNames.translate("Financial management Imiyoborere;OSH", topics, true)).isEqualTo("financial_management governance osh");
        assertThat(ChoiceNames.translate("nothing osh", topics, true)).isEqualTo("nothing osh");
    }
}
