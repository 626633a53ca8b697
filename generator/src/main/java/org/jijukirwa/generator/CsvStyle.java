package org.jijukirwa.generator;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How one CSV file is written.
 *
 * @param columns contract column names, plus extra metadata columns, in file order
 * @param header the header text of each column (odd case and spaces allowed)
 */
record CsvStyle(char separator, boolean quoteAll, boolean byteOrderMark, boolean crlf, List<String> columns, List<String> header)
{
    CsvStyle
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        header = List.copyOf(requireNonNull(header, "header is null"));
        if (columns.size() != header.size()) {
            throw new IllegalArgumentException("one header text per column is needed");
        }
    }

    static CsvStyle plain(char separator, boolean quoteAll, boolean byteOrderMark, boolean crlf, List<String> columns)
    {
        return new CsvStyle(separator, quoteAll, byteOrderMark, crlf, columns, columns);
    }
}
