package org.jijukirwa.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jijukirwa.layout.Table;

import static org.apache.spark.sql.functions.col;

/** The layout's tables as Spark schemas: each DuckDB type of {@link Table} maps to one Spark type. */
public final class TableSchemas
{
    private TableSchemas()
    {
    }

    public static StructType schema(Table table)
    {
        return DataTypes.createStructType(table.columns().stream()
                .map(column -> DataTypes.createStructField(column.name(), sparkType(column.duckdbType()), true))
                .toArray(StructField[]::new));
    }

    public static DataType sparkType(String duckdbType)
    {
        return switch (duckdbType) {
            case "VARCHAR" -> DataTypes.StringType;
            case "DATE" -> DataTypes.DateType;
            case "TIMESTAMP WITH TIME ZONE" -> DataTypes.TimestampType;
            case "INTEGER" -> DataTypes.IntegerType;
            case "BIGINT" -> DataTypes.LongType;
            case "BOOLEAN" -> DataTypes.BooleanType;
            case "DOUBLE" -> DataTypes.DoubleType;
            case "VARCHAR[]" -> DataTypes.createArrayType(DataTypes.StringType);
            case "MAP(VARCHAR, VARCHAR)" -> DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
            default -> throw new IllegalArgumentException("no Spark type for " + duckdbType);
        };
    }

    /** Exactly the table's columns, in its order, with its types. */
    public static Dataset<Row> conform(Dataset<Row> rows, Table table)
    {
        return rows.select(table.columns().stream()
                .map(column -> col(column.name()).cast(sparkType(column.duckdbType())).as(column.name()))
                .toArray(Column[]::new));
    }
}
