package org.jijukirwa.dashboard.quarantine;

import org.jijukirwa.warehouse.quarantine.QuarantinePage;

import java.util.ArrayList;
import java.util.List;

/**
 * Quarantined rows as a CSV file to correct and upload again: the contract columns from the raw values, then three
 * columns the ingest ignores (the reasons, where the row stood, its raw text). Comma separated, every cell quoted
 * when it needs it, CRLF line ends; a cell starting with =, + or @ gets a leading apostrophe so that a spreadsheet
 * does not run it as a formula.
 */
final class QuarantineCsv
{
    static final List<String> EXTRA_COLUMNS = List.of("quarantine_reasons", "quarantine_source", "quarantine_raw_text");

    private QuarantineCsv()
    {
    }

    static String write(List<String> columns, List<QuarantinePage.QuarantinedRow> rows)
    {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(columns);
        header.addAll(EXTRA_COLUMNS);
        line(out, header);
        for (QuarantinePage.QuarantinedRow row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(row.rawValues().get(column));
            }
            cells.add(String.join(" ", row.reasons()));
            cells.add(row.sourceFile() + ":" + row.sourceLine());
            cells.add(row.rawText());
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells)
    {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value)
    {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.contains(";")
                || !text.equals(text.strip())) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
