package org.jijukirwa.warehouse.lineage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.IndicatorKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one JSON form of a {@link Lineage} (interfaces.md, "Lineage"): the {@code lineage} field of an answer, of a data
 * package, of a Parquet export's key-value metadata, and the body of GET /api/v1/lineage.
 */
public final class LineageJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private LineageJson()
    {
    }

    public static byte[] toJson(Lineage lineage)
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(output, JsonEncoding.UTF8)) {
            write(generator, lineage);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the lineage of snapshot " + lineage.snapshot().snapshotId(), e);
        }
        return output.toByteArray();
    }

    public static String toJsonText(Lineage lineage)
    {
        return new String(toJson(lineage), StandardCharsets.UTF_8);
    }

    /** Writes the lineage as one JSON object at the generator's position. */
    public static void write(JsonGenerator generator, Lineage lineage)
            throws IOException
    {
        generator.writeStartObject();
        if (lineage.indicator().isPresent()) {
            generator.writeFieldName("indicator");
            indicator(generator, lineage.indicator().get());
        }
        SnapshotLineage snapshot = lineage.snapshot();
        generator.writeObjectFieldStart("snapshot");
        generator.writeStringField("id", snapshot.snapshotId());
        generator.writeStringField("as_of", snapshot.asOf().toString());
        generator.writeStringField("started_at", snapshot.startedAt().toString());
        generator.writeStringField("finished_at", snapshot.finishedAt().toString());
        generator.writeEndObject();
        generator.writeArrayFieldStart("runs");
        for (SnapshotLineage.Run run : snapshot.runs()) {
            generator.writeStartObject();
            generator.writeStringField("run", run.runId());
            text(generator, "as_of", run.asOf().map(Object::toString));
            text(generator, "started_at", run.startedAt().map(Object::toString));
            text(generator, "finished_at", run.finishedAt().map(Object::toString));
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("files");
        for (SnapshotLineage.InputFile file : snapshot.files()) {
            generator.writeStartObject();
            generator.writeStringField("dataset", file.dataset());
            if (file.file().isPresent()) {
                generator.writeStringField("file", file.file().get());
            }
            generator.writeStringField("content_sha256", file.contentSha256());
            generator.writeStringField("run", file.run());
            generator.writeNumberField("rows_read", file.rowsRead());
            count(generator, "accepted", file.accepted());
            count(generator, "quarantined", file.quarantined());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("reference_files");
        for (var entry : snapshot.referenceFiles().entrySet()) {
            generator.writeStartObject();
            generator.writeStringField("name", entry.getKey());
            generator.writeStringField("sha256", entry.getValue());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeObjectFieldStart("protection");
        generator.writeBooleanField("applied", lineage.protectionApplied());
        generator.writeStringField("rule", "keyed random rounding of person counts to base k (docs/disclosure.md)");
        generator.writeNumberField("k", lineage.protectionBase());
        generator.writeBooleanField("suppressed", false);
        generator.writeEndObject();
        generator.writeEndObject();
    }

    private static void indicator(JsonGenerator generator, Indicator indicator)
            throws IOException
    {
        generator.writeStartObject();
        generator.writeStringField("id", indicator.id());
        generator.writeStringField("label", indicator.label());
        generator.writeStringField("definition", indicator.definition());
        generator.writeStringField("kind", indicator.kind().jsonName());
        generator.writeStringField("unit", indicator.unit().jsonName());
        generator.writeStringField("date_rule", dateRule(indicator.kind()));
        generator.writeStringField("fact", indicator.fact().tableName());
        generator.writeStringField("numerator", indicator.numerator());
        text(generator, "denominator", denominator(indicator.denominator()));
        generator.writeEndObject();
    }

    /** The stock/flow date rule in words (indicators.md). */
    public static String dateRule(IndicatorKind kind)
    {
        return kind == IndicatorKind.STOCK
                ? "A stock: evaluated as of a date D (inclusive), how things stand at the end of D (Africa/Kigali)."
                : "A flow: counts events with a date in [from, to] (inclusive, Africa/Kigali).";
    }

    private static Optional<String> denominator(Indicator.Denominator denominator)
    {
        if (denominator instanceof Indicator.SameFact same) {
            return Optional.of(same.sql());
        }
        if (denominator instanceof Indicator.OtherFact other) {
            return Optional.of(other.sql() + " over " + other.fact().tableName());
        }
        if (denominator instanceof Indicator.Target target) {
            return Optional.of("the target " + target.target() + " of the cell (reference targets.csv)");
        }
        return Optional.empty();
    }

    private static void text(JsonGenerator generator, String name, Optional<String> value)
            throws IOException
    {
        if (value.isPresent()) {
            generator.writeStringField(name, value.get());
        }
        else {
            generator.writeNullField(name);
        }
    }

    private static void count(JsonGenerator generator, String name, OptionalLong value)
            throws IOException
    {
        if (value.isPresent()) {
            generator.writeNumberField(name, value.getAsLong());
        }
        else {
            generator.writeNullField(name);
        }
    }
}
