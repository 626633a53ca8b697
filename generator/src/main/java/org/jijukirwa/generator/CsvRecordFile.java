package org.jijukirwa.generator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A CSV file: RFC 4180 quoting, a chosen separator, line ending, header text and optional BOM. */
final class CsvRecordFile
        implements RecordFile
{
    private final CsvStyle style;
    private final int[] contractIndex;
    private final TextFileOutput output;
    private final String lineEnding;
    private long rowNumber;

    CsvRecordFile(Path path, String relativePath, Dataset dataset, CsvStyle style)
    {
        this.style = requireNonNull(style, "style is null");
        this.lineEnding = style.crlf() ? "\r\n" : "\n";
        List<String> columns = style.columns();
        this.contractIndex = new int[columns.size()];
        for (int position = 0; position < columns.size(); position++) {
            contractIndex[position] = dataset.columns().indexOf(columns.get(position));
        }
        this.output = new TextFileOutput(path, relativePath);
        if (style.byteOrderMark()) {
            output.write("\uFEFF");
        }
        StringBuilder line = new StringBuilder();
        for (int position = 0; position < columns.size(); position++) {
            if (position > 0) {
                line.append(style.separator());
            }
            appendField(line, style.header().get(position));
        }
        output.write(line.append(lineEnding).toString());
    }

    @Override
    public FileTally tally()
    {
        return output.tally();
    }

    @Override
    public void write(String[] values)
    {
        writeLine(values, -1, null);
    }

    @Override
    public void writeMalformed(String[] values, int column, String before, String after)
    {
        writeLine(values, column, before + style.separator() + after);
    }

    private void writeLine(String[] values, int rawColumn, String rawText)
    {
        rowNumber++;
        StringBuilder line = new StringBuilder(160);
        for (int position = 0; position < contractIndex.length; position++) {
            if (position > 0) {
                line.append(style.separator());
            }
            int index = contractIndex[position];
            if (index >= 0 && index == rawColumn) {
                line.append(rawText);
            }
            else if (index >= 0) {
                appendField(line, values[index]);
            }
            else {
                appendField(line, extraValue(style.columns().get(position)));
            }
        }
        output.writeRow(line.toString(), lineEnding);
    }

    private void appendField(StringBuilder line, String value)
    {
        String text = value == null ? "" : value;
        if (style.quoteAll() || needsQuotes(text)) {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        else {
            line.append(text);
        }
    }

    private boolean needsQuotes(String text)
    {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == style.separator() || character == '"' || character == '\n' || character == '\r') {
                return true;
            }
        }
        return false;
    }

    // Metadata columns of field tools: not in the contract, ignored by the ingest.
    private String extraValue(String column)
    {
        return switch (column) {
            case "gps_lat" -> "-1." + Text.pad((rowNumber * 7919) % 10_000, 4);
            case "venue_gps" -> "-1." + Text.pad((rowNumber * 131) % 1000, 3) + " 29." + Text.pad((rowNumber * 577) % 1000, 3);
            case "_uuid" -> "uuid-" + Text.pad(rowNumber, 6);
            case "_index" -> Long.toString(rowNumber);
            default -> "";
        };
    }

    @Override
    public Map<String, Object> format()
    {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("format", "csv");
        format.put("separator", String.valueOf(style.separator()));
        format.put("quoting", style.quoteAll() ? "all" : "minimal");
        format.put("bom", style.byteOrderMark());
        format.put("line_ending", style.crlf() ? "CRLF" : "LF");
        format.put("header", style.header());
        return format;
    }

    @Override
    public void close()
    {
        output.close();
    }
}
