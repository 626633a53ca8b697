package org.jijukirwa.warehouse.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.lineage.Lineage;
import org.jijukirwa.warehouse.lineage.LineageJson;

import static java.util.Objects.requireNonNull;

/**
 * The one JSON form of an answer, GET /api/v1/indicators/{id} (interfaces.md), written one row at a time:
 * indicator, kind, unit, by, snapshot, as_of or from and to, grain, lineage, then the rows. The API answer
 * ({@link #write(IndicatorAnswer, OutputStream)}) and the JSON export (row by row from a cursor) both use it.
 */
public final class AnswerJsonWriter
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator generator;
    private final Start start;

    public AnswerJsonWriter(OutputStream output, AnswerHeading heading)
            throws IOException
    {
        this(output, Start.of(requireNonNull(heading, "heading is null")));
    }

    private AnswerJsonWriter(OutputStream output, Start start)
            throws IOException
    {
        // the caller owns the output (it may go on with other entries of a ZIP)
        this.generator = FACTORY.createGenerator(requireNonNull(output, "output is null"), JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.start = start;
    }

    /** Writes a whole answer; the output stays open. */
    public static void write(IndicatorAnswer answer, OutputStream output)
            throws IOException
    {
        requireNonNull(answer, "answer is null");
        AnswerJsonWriter writer = new AnswerJsonWriter(output, new Start(answer.indicator(), answer.kind(), answer.unit(), answer.by(),
                answer.snapshot(), answer.asOf(), answer.from(), answer.to(), answer.grain(), answer.lineage()));
        writer.writeStart();
        for (AnswerRow row : answer.rows()) {
            writer.writeRow(row);
        }
        writer.writeEnd();
    }

    /** A whole answer as UTF-8 JSON. */
    public static byte[] toJson(IndicatorAnswer answer)
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            write(answer, output);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the answer of " + answer.indicator() + " as JSON", e);
        }
        return output.toByteArray();
    }

    public void writeStart()
            throws IOException
    {
        generator.writeStartObject();
        generator.writeStringField("indicator", start.indicator());
        generator.writeStringField("kind", start.kind().jsonName());
        generator.writeStringField("unit", start.unit().jsonName());
        generator.writeArrayFieldStart("by");
        for (String dimension : start.by()) {
            generator.writeString(dimension);
        }
        generator.writeEndArray();
        generator.writeStringField("snapshot", start.snapshot());
        date("as_of", start.asOf().orElse(null));
        date("from", start.from().orElse(null));
        date("to", start.to().orElse(null));
        if (start.grain().isPresent()) {
            generator.writeStringField("grain", start.grain().get().parameterValue());
        }
        generator.writeFieldName("lineage");
        LineageJson.write(generator, start.lineage());
        generator.writeArrayFieldStart("rows");
    }

    public void writeRow(AnswerRow row)
            throws IOException
    {
        generator.writeStartObject();
        for (Map.Entry<String, String> cell : row.cells().entrySet()) {
            generator.writeStringField(cell.getKey(), cell.getValue());
        }
        number("numerator", row.numerator());
        number("denominator", row.denominator());
        number("value", row.value());
        // always false since person counts are rounded rather than hidden (docs/disclosure.md): kept for older clients
        generator.writeBooleanField("suppressed", false);
        generator.writeEndObject();
    }

    /** Ends the rows and the answer, and flushes; the output stays open. */
    public void writeEnd()
            throws IOException
    {
        generator.writeEndArray();
        generator.writeEndObject();
        generator.flush();
    }

    public void flush()
            throws IOException
    {
        generator.flush();
    }

    private void date(String name, LocalDate date)
            throws IOException
    {
        if (date != null) {
            generator.writeStringField(name, date.toString());
        }
    }

    /** Counts stay JSON integers; a non-finite double has no JSON form, so null (as the indicator endpoint writes it). */
    private void number(String name, Number number)
            throws IOException
    {
        generator.writeFieldName(name);
        if (number == null) {
            generator.writeNull();
        }
        else if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isFinite(value)) {
                generator.writeNumber(value);
            }
            else {
                generator.writeNull();
            }
        }
        else if (number instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        }
        else if (number instanceof BigInteger integer) {
            generator.writeNumber(integer);
        }
        else {
            generator.writeNumber(number.longValue());
        }
    }

    /** What comes before the rows: the same for an answer and for the heading of a cursor. */
    private record Start(String indicator, IndicatorKind kind, IndicatorUnit unit, List<String> by, String snapshot,
            Optional<LocalDate> asOf, Optional<LocalDate> from, Optional<LocalDate> to, Optional<Grain> grain, Lineage lineage)
    {
        static Start of(AnswerHeading heading)
        {
            return new Start(heading.indicator().id(), heading.indicator().kind(), heading.indicator().unit(), heading.byNames(),
                    heading.snapshot().id(), heading.asOf(), heading.from(), heading.to(), heading.grain(), heading.lineage());
        }
    }
}
