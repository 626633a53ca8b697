package org.jijukirwa.warehouse.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.answer.AnswerRow;

import static java.util.Objects.requireNonNull;

/**
 * Writes an answer in the JSON of GET /api/v1/indicators/{id} (interfaces.md) one row at a time:
 * indicator, kind, unit, by, snapshot, as_of or from and to, grain, then the rows.
 */
public final class AnswerJsonWriter
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator generator;
    private final AnswerHeading heading;

    public AnswerJsonWriter(OutputStream output, AnswerHeading heading)
            throws IOException
    {
        // the caller owns the output (it may go on with other entries of a ZIP)
        this.generator = FACTORY.createGenerator(requireNonNull(output, "output is null"), JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.heading = requireNonNull(heading, "heading is null");
    }

    public void writeStart()
            throws IOException
    {
        generator.writeStartObject();
        generator.writeStringField("indicator", heading.indicator().id());
        generator.writeStringField("kind", heading.indicator().kind().jsonName());
        generator.writeStringField("unit", heading.indicator().unit().jsonName());
        generator.writeArrayFieldStart("by");
        for (String dimension : heading.by()) {
            generator.writeString(dimension);
        }
        generator.writeEndArray();
        generator.writeStringField("snapshot", heading.snapshot().id());
        date("as_of", heading.asOf().orElse(null));
        date("from", heading.from().orElse(null));
        date("to", heading.to().orElse(null));
        if (heading.grain().isPresent()) {
            generator.writeStringField("grain", heading.grain().get().parameterValue());
        }
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
        generator.writeBooleanField("suppressed", row.suppressed());
        if (row.suppression().isPresent()) {
            generator.writeStringField("suppression", row.suppression().get().jsonName());
        }
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
}
