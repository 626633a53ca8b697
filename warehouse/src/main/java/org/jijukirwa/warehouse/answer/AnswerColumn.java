package org.jijukirwa.warehouse.answer;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** One column of an exported answer: the same name, type and meaning in the CSV, the Parquet file and the data package. */
public record AnswerColumn(String name, Type type, String description)
{
    public AnswerColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
    }

    public enum Type
    {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN;

        /** The type in the SQL that writes Parquet. */
        public String duckdbType()
        {
            return switch (this) {
                case STRING -> "VARCHAR";
                case INTEGER -> "BIGINT";
                case NUMBER -> "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
            };
        }

        /** The type of a Frictionless Table Schema field: string, integer, number or boolean. */
        public String tableSchemaType()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
