package org.jijukirwa.warehouse.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.jijukirwa.warehouse.answer.AnswerColumn;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.answer.AnswerRow;

import static java.util.Objects.requireNonNull;

/**
 * Writes an answer as RFC 4180 CSV (comma, double quotes, CRLF): a header row with the names of
 * {@link AnswerHeading#columns()}, then one line per row. Empty fields are nulls.
 * A text cell that a spreadsheet would read as a formula (it begins with =, +, -, @, tab or carriage return)
 * is neutralised with a leading single quote; numbers are written as numbers.
 */
public final class AnswerCsvWriter
{
    private static final String LINE_END = "\r\n";

    private final Writer writer;
    private final List<String> keyColumns;
    private final List<String> names;

    public AnswerCsvWriter(Writer writer, AnswerHeading heading)
    {
        this.writer = requireNonNull(writer, "writer is null");
        requireNonNull(heading, "heading is null");
        this.keyColumns = heading.keyColumns();
        this.names = heading.columns().stream().map(AnswerColumn::name).toList();
    }

    public void writeHeader()
            throws IOException
    {
        writeLine(names.stream().map(AnswerCsvWriter::text).toList());
    }

    public void writeRow(AnswerRow row)
            throws IOException
    {
        List<String> fields = new ArrayList<>(names.size());
        for (String key : keyColumns) {
            String value = row.cells().get(key);
            fields.add(value == null ? "" : text(value));
        }
        fields.add(number(row.numerator()));
        fields.add(number(row.denominator()));
        fields.add(number(row.value()));
        // suppressed and suppression: always false and empty since person counts are rounded (docs/disclosure.md), kept for older readers
        fields.add("false");
        fields.add("");
        writeLine(fields);
    }

    /** A text cell: neutralised against formulas, then quoted when it holds a comma, a quote or a line break. */
    static String text(String value)
    {
        String safe = neutralise(value);
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** Prefixes a single quote to text that spreadsheets would evaluate (OWASP's advice on CSV injection). */
    public static String neutralise(String value)
    {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String number(Number number)
    {
        if (number == null) {
            return "";
        }
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            return "";
        }
        return number.toString();
    }

    private void writeLine(List<String> fields)
            throws IOException
    {
        writer.write(String.join(",", fields));
        writer.write(LINE_END);
    }
}
