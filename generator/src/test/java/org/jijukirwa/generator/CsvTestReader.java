package org.jijukirwa.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent CSV reader for the tests (RFC 4180): strips a UTF-8 BOM,
 * detects `,` or `;` from the header line, reads quoted fields with
 * separators, doubled quotes and line breaks, and LF or CRLF line ends.
 */
final class CsvTestReader
{
    record Record(List<String> fields, int line)
    {
    }

    record Table(char separator, boolean byteOrderMark, List<String> header, List<Record> records)
    {
    }

    private CsvTestReader()
    {
    }

    static Table read(Path path)
            throws IOException
    {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        boolean byteOrderMark = text.startsWith("\uFEFF");
        if (byteOrderMark) {
            text = text.substring(1);
        }
        char separator = detectSeparator(text);
        List<Record> records = parse(text, separator);
        if (records.isEmpty()) {
            throw new IllegalStateException(path + " has no header");
        }
        return new Table(separator, byteOrderMark, records.get(0).fields(), records.subList(1, records.size()));
    }

    private static char detectSeparator(String text)
    {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == '"') {
                quoted = !quoted;
            }
            else if (!quoted && (character == '\n' || character == '\r')) {
                break;
            }
            else if (!quoted && character == ',') {
                commas++;
            }
            else if (!quoted && character == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static List<Record> parse(String text, char separator)
    {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        int index = 0;
        while (index < text.length()) {
            char character = text.charAt(index);
            if (quoted) {
                if (character == '"') {
                    if (index + 1 < text.length() && text.charAt(index + 1) == '"') {
                        field.append('"');
                        index += 2;
                        continue;
                    }
                    quoted = false;
                }
                else {
                    if (character == '\n') {
                        line++;
                    }
                    field.append(character);
                }
                index++;
                continue;
            }
            if (character == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            }
            else if (character == separator) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            }
            else if (character == '\r' || character == '\n') {
                if (character == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n') {
                    index++;
                }
                fields.add(field.toString());
                records.add(new Record(List.copyOf(fields), recordLine));
                fields.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            }
            else {
                field.append(character);
                fieldStarted = true;
            }
            index++;
        }
        if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(List.copyOf(fields), recordLine));
        }
        return records;
    }
}
