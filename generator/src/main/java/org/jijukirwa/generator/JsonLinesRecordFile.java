package org.jijukirwa.generator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A JSON Lines file: one object per line. A missing value is written as null
 * or left out; numeric columns are JSON numbers when the value is a number.
 */
final class JsonLinesRecordFile
        implements RecordFile
{
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final List<String> columns;
    private final Set<String> numericColumns;
    private final SplittableRandom random;
    private final TextFileOutput output;

    JsonLinesRecordFile(Path path, String relativePath, Dataset dataset, Set<String> numericColumns, SplittableRandom random)
    {
        this.columns = dataset.columns();
        this.numericColumns = Set.copyOf(numericColumns);
        this.random = requireNonNull(random, "random is null");
        this.output = new TextFileOutput(path, relativePath);
    }

    @Override
    public FileTally tally()
    {
        return output.tally();
    }

    @Override
    public void write(String[] values)
    {
        writeLine(object(values));
    }

    @Override
    public void writeMalformed(String[] values, int column, String before, String after)
    {
        // An export cut off mid-line: never a complete JSON object.
        String object = object(values);
        writeLine(object.substring(0, object.length() * 2 / 3));
    }

    private String object(String[] values)
    {
        StringBuilder line = new StringBuilder(256).append('{');
        boolean first = true;
        for (int index = 0; index < columns.size(); index++) {
            String value = values[index];
            if (value == null && random.nextBoolean()) {
                continue;
            }
            if (!first) {
                line.append(", ");
            }
            first = false;
            JsonText.appendString(line, columns.get(index));
            line.append(": ");
            if (value == null) {
                line.append("null");
            }
            else if (numericColumns.contains(columns.get(index)) && NUMBER.matcher(value).matches()) {
                line.append(value);
            }
            else {
                JsonText.appendString(line, value);
            }
        }
        return line.append('}').toString();
    }

    private void writeLine(String line)
    {
        output.writeRow(line, "\n");
    }

    @Override
    public Map<String, Object> format()
    {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("format", "jsonl");
        format.put("line_ending", "LF");
        return format;
    }

    @Override
    public void close()
    {
        output.close();
    }
}
