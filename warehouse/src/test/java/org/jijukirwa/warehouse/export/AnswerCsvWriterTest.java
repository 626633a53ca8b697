package org.jijukirwa.warehouse.export;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.answer.AnswerColumn.Type;
import org.jijukirwa.warehouse.answer.AnswerColumn;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Fact;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;
import org.jijukirwa.warehouse.testing.Rows;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.count;

class AnswerCsvWriterTest
{
    private static final AnswerHeading BY_VALUE_CHAIN = new AnswerHeading(
            new Indicator("coops_formed", IndicatorKind.STOCK, IndicatorUnit.COUNT, Fact.COOPERATIVE_STOCK, "count(*)", new Indicator.None(),
                    "Cooperatives formed", "cooperatives that exist at D"),
            List.of(Dimension.VALUE_CHAIN), Map.of(),
            new SnapshotInfo("20200701T000000Z-abcdef", LocalDate.parse("2020-06-30"), Instant.parse("2020-07-01T00:00:00Z"),
                    Instant.parse("2020-07-01T00:05:00Z")),
            Optional.of(LocalDate.parse("2020-06-30")), Optional.empty(), Optional.empty(), Optional.empty(),
            Audience.PUBLIC, false, 5,
            List.of(new AnswerColumn("value_chain", Type.STRING, "value chain"),
                    new AnswerColumn("numerator", Type.INTEGER, "count"),
                    new AnswerColumn("denominator", Type.INTEGER, "none"),
                    new AnswerColumn("value", Type.NUMBER, "count"),
                    new AnswerColumn("suppressed", Type.BOOLEAN, "hidden"),
                    new AnswerColumn("suppression", Type.STRING, "why")),
            Rows.lineage("20200701T000000Z-abcdef"));

    @Test
    void textThatSpreadsheetsWouldEvaluateIsNeutralisedAndNumbersStayNumbers()
            throws IOException
    {
        String csv = write(
                // a negative count cannot occur; it shows that numbers are never prefixed
                new AnswerRow(Rows.cells("value_chain", "=HYPERLINK(\"http://example.org\",\"x\")"), -3L, null, -3L),
                count(7, "value_chain", "+cmd"),
                count(8, "value_chain", "-1+1"),
                count(9, "value_chain", "@SUM(A1)"),
                count(10, "value_chain", "\tTAB"),
                count(11, "value_chain", "\rCR"),
                count(12, "value_chain", "a=b, c"));

        assertThat(csv).isEqualTo("value_chain,numerator,denominator,value,suppressed,suppression\r\n"
                + "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",-3,,-3,false,\r\n"
                + "'+cmd,7,,7,false,\r\n"
                + "'-1+1,8,,8,false,\r\n"
                + "'@SUM(A1),9,,9,false,\r\n"
                + "'\tTAB,10,,10,false,\r\n"
                + "\"'\rCR\",11,,11,false,\r\n"
                + "\"a=b, c\",12,,12,false,\r\n");
    }

    @Test
    void theFormerSuppressionColumnsStayFalseAndEmpty()
            throws IOException
    {
        assertThat(write(new AnswerRow(Rows.cells("value_chain", "carpentry"), 3L, 4L, 0.75)))
                .isEqualTo("value_chain,numerator,denominator,value,suppressed,suppression\r\n"
                        + "carpentry,3,4,0.75,false,\r\n");
    }

    private static String write(AnswerRow... rows)
            throws IOException
    {
        StringWriter text = new StringWriter();
        AnswerCsvWriter writer = new AnswerCsvWriter(text, BY_VALUE_CHAIN);
        writer.writeHeader();
        for (AnswerRow row : rows) {
            writer.writeRow(row);
        }
        return text.toString();
    }
}
