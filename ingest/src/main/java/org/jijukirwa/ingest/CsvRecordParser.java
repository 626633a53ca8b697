package org.jijukirwa.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Streams the records of a CSV text (RFC 4180 with leniencies): quoted fields
 * may hold separators, doubled quotes and line breaks; blanks around a quoted
 * field are ignored; empty lines are skipped. A quote inside an unquoted field,
 * text after a closing quote, or a quote left open at the end of the file marks
 * the record malformed (the record then ends at the next line break outside quotes).
 */
public final class CsvRecordParser
{
    private static final int END = -1;

    private final Reader reader;
    private final char separator;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;

    public CsvRecordParser(Reader reader, char separator)
    {
        this.reader = requireNonNull(reader, "reader is null");
        this.separator = separator;
    }

    /** The separator of a header line: `;` when it holds more semicolons than commas outside quotes, else `,`. */
    public static char detectSeparator(String headerLine)
    {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && c == ',') {
                commas++;
            }
            else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The next record, or null at the end of the text. */
    public SourceRecord next()
            throws IOException
    {
        int c = peek();
        while (c == '\n' || c == '\r') {
            consumeLineBreak(read(), null);
            c = peek();
        }
        if (c == END) {
            return null;
        }
        SourceRecord unquoted = unquotedLine();
        if (unquoted != null) {
            return unquoted;
        }
        long startLine = line;
        StringBuilder raw = new StringBuilder(128);
        StringBuilder field = new StringBuilder(32);
        List<String> fields = new ArrayList<>();
        boolean malformed = false;
        boolean quoted = false;        // inside a quoted field
        boolean afterQuote = false;    // a quoted field was closed, only blanks may follow
        boolean fieldHasQuote = false; // the current field is a quoted one
        while (true) {
            c = read();
            if (c == END) {
                if (quoted) {
                    malformed = true;
                }
                fields.add(field.toString());
                break;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        raw.append("\"\"");
                        field.append('"');
                    }
                    else {
                        raw.append('"');
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else if (c == '\n' || c == '\r') {
                    int before = raw.length();
                    consumeLineBreak(c, raw);
                    field.append(raw, before, raw.length());
                }
                else {
                    raw.append((char) c);
                    field.append((char) c);
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                consumeLineBreak(c, null);
                fields.add(field.toString());
                break;
            }
            raw.append((char) c);
            if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldHasQuote = false;
            }
            else if (afterQuote) {
                if (!Character.isWhitespace(c)) {
                    malformed = true;
                    afterQuote = false;
                    field.append((char) c);
                }
            }
            else if (c == '"') {
                if (!fieldHasQuote && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                    fieldHasQuote = true;
                }
                else {
                    malformed = true;
                    field.append('"');
                }
            }
            else {
                field.append((char) c);
            }
        }
        return new SourceRecord(startLine, raw.toString(), fields, malformed);
    }

    /**
     * The common case, without copying character by character: a record on one line without quotes, whole in the buffer.
     * Null (nothing consumed) for any other record.
     */
    private SourceRecord unquotedLine()
            throws IOException
    {
        int end = position;
        while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
            if (buffer[end] == '"') {
                return null;
            }
            end++;
        }
        if (end == limit) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int fieldStart = position;
        for (int i = position; i < end; i++) {
            if (buffer[i] == separator) {
                fields.add(new String(buffer, fieldStart, i - fieldStart));
                fieldStart = i + 1;
            }
        }
        fields.add(new String(buffer, fieldStart, end - fieldStart));
        SourceRecord record = new SourceRecord(line, new String(buffer, position, end - position), fields, false);
        position = end;
        consumeLineBreak(read(), null);
        return record;
    }

    /** Counts a line break (\n, \r\n or \r) and copies it into {@code raw} when given. */
    private void consumeLineBreak(int c, StringBuilder raw)
            throws IOException
    {
        if (raw != null) {
            raw.append((char) c);
        }
        if (c == '\r' && peek() == '\n') {
            read();
            if (raw != null) {
                raw.append('\n');
            }
        }
        line++;
    }

    private int peek()
            throws IOException
    {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private int read()
            throws IOException
    {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private boolean fill()
            throws IOException
    {
        int count = reader.read(buffer, 0, buffer.length);
        while (count == 0) {
            count = reader.read(buffer, 0, buffer.length);
        }
        if (count < 0) {
            return false;
        }
        position = 0;
        limit = count;
        return true;
    }
}
