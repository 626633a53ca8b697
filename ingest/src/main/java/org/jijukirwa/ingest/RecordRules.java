package org.jijukirwa.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Validation of the record sets (data-contract.md): the Spark side of
 * {@link RecordChecker}, which checks one row. The checked rows have the
 * layout table's columns, then reasons (every quarantine reason that
 * applies; none for a valid row), is_retry, raw_text and raw_values (the
 * last two only for quarantined rows).
 */
public final class RecordRules
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    public static final String REASONS = "reasons";
    public static final String IS_RETRY = "is_retry";
    public static final String RAW_TEXT = "raw_text";
    public static final String RAW_VALUES = "raw_values";
    public static final String INGEST_RUN = "ingest_run";

    private final FieldRules fields;
    private final LocalDate asOf;
    private final PersonKeyFunction personKey;

    public RecordRules(ReferenceData reference, LocalDate asOf, PersonKeyFunction personKeyFunction)
    {
        this.fields = new FieldRules(requireNonNull(reference, "reference is null"));
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.personKey = requireNonNull(personKeyFunction, "personKeyFunction is null");
    }

    /** The checked rows of a record set: its table's columns, then reasons, is_retry, raw_text and raw_values. */
    public static StructType schema(RecordSet recordSet)
    {
        return TableSchemas.schema(recordSet.table())
                .add(REASONS, DataTypes.createArrayType(DataTypes.StringType), false)
                .add(IS_RETRY, DataTypes.BooleanType, false)
                .add(RAW_TEXT, DataTypes.StringType, true)
                .add(RAW_VALUES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true);
    }

    /**
     * The checker of one record set. {@code knownCooperatives}: the cooperative_id of every accepted
     * current cooperative, for the record sets that name one (empty for the cooperatives).
     */
    public RecordChecker checker(RecordSet recordSet, Optional<Set<String>> knownCooperatives)
    {
        if (recordSet != RecordSet.COOPERATIVES && knownCooperatives.isEmpty()) {
            throw new IllegalArgumentException(recordSet.datasetName() + " needs the known cooperatives");
        }
        return new RecordChecker(recordSet, fields, asOf, personKey, knownCooperatives.map(HashSet::new).orElse(null));
    }

    /**
     * {@code input}: source_file, source_line, raw_text, malformed, the record set's source columns (strings),
     * ingest_run and is_retry. {@code knownCooperatives}: a Dataset with a cooperative_id column.
     */
    public Dataset<Row> check(RecordSet recordSet, Dataset<Row> input, Optional<Dataset<Row>> knownCooperatives)
    {
        return check(checker(recordSet, knownCooperatives.map(RecordRules::cooperativeIds)), input);
    }

    /** {@code input}: the reader's columns ({@link FieldRecordReader#schema}), then ingest_run and is_retry. */
    public static Dataset<Row> check(RecordChecker checker, Dataset<Row> input)
    {
        int ingestRun = input.schema().fieldIndex(INGEST_RUN);
        int isRetry = input.schema().fieldIndex(IS_RETRY);
        JavaRDD<Row> checked = input.toJavaRDD().map(row -> checker.check(row, row.getString(ingestRun), row.getBoolean(isRetry)));
        return input.sparkSession().createDataFrame(checked, schema(checker.recordSet()));
    }

    /** {@code rows}: rows of {@link FieldRecordReader#schema} read by the run {@code ingestRun}. */
    public static Dataset<Row> check(RecordChecker checker, JavaRDD<Row> rows, String ingestRun, SparkSession spark)
    {
        return spark.createDataFrame(rows.map(row -> checker.check(row, ingestRun, false)), schema(checker.recordSet()));
    }

    /** The cooperative_id values of a Dataset, collected to the driver (one per cooperative: thousands, not millions). */
    public static Set<String> cooperativeIds(Dataset<Row> cooperatives)
    {
        return new HashSet<>(cooperatives.select("cooperative_id").as(Encoders.STRING()).collectAsList());
    }
}
