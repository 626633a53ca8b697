package org.jijukirwa.generator;

import java.util.Map;

/** One output file of a dataset: takes rows as contract-ordered values (null = missing). */
interface RecordFile
{
    FileTally tally();

    default String relativePath()
    {
        return tally().relativePath();
    }

    void write(String[] values);

    /**
     * Writes a row that a reader cannot split into the file's columns: the value
     * of {@code column} becomes {@code before} + separator + {@code after}, unquoted
     * (CSV), or the line is cut short (JSON Lines).
     */
    void writeMalformed(String[] values, int column, String before, String after);

    /** How the file is written, for MANIFEST.json. */
    Map<String, Object> format();

    void close();
}
