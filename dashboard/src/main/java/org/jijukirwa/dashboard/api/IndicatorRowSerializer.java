package org.jijukirwa.dashboard.api;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Writes an {@link IndicatorRow} as one flat JSON object whose first keys depend on the request. */
@Singleton
public final class IndicatorRowSerializer
        implements Serializer<IndicatorRow>
{
    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends IndicatorRow> type, IndicatorRow row)
            throws IOException
    {
        Encoder object = encoder.encodeObject(type);
        for (Map.Entry<String, String> cell : row.cells().entrySet()) {
            object.encodeKey(cell.getKey());
            if (cell.getValue() == null) {
                object.encodeNull();
            }
            else {
                object.encodeString(cell.getValue());
            }
        }
        object.encodeKey("numerator");
        encodeNumber(object, row.numerator());
        object.encodeKey("denominator");
        encodeNumber(object, row.denominator());
        object.encodeKey("value");
        encodeNumber(object, row.value());
        object.encodeKey("suppressed");
        object.encodeBoolean(row.suppressed());
        if (row.suppression() != null) {
            object.encodeKey("suppression");
            object.encodeString(row.suppression());
        }
        object.finishStructure();
    }

    /** Counts stay JSON integers; rates and days are doubles; a non-finite double has no JSON form, so null. */
    private static void encodeNumber(Encoder encoder, Number number)
            throws IOException
    {
        if (number == null) {
            encoder.encodeNull();
        }
        else if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isFinite(value)) {
                encoder.encodeDouble(value);
            }
            else {
                encoder.encodeNull();
            }
        }
        else if (number instanceof BigDecimal decimal) {
            encoder.encodeBigDecimal(decimal);
        }
        else if (number instanceof BigInteger integer) {
            encoder.encodeBigInteger(integer);
        }
        else {
            encoder.encodeLong(number.longValue());
        }
    }
}
