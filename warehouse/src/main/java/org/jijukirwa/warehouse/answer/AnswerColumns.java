package org.jijukirwa.warehouse.answer;

import java.util.ArrayList;
import java.util.List;

import org.jijukirwa.warehouse.answer.AnswerColumn.Type;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Indicator.Target;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.Period;

/** The columns of one answer, typed by the indicator's unit, described for people who read the files without the API. */
public final class AnswerColumns
{
    /** numerator, denominator, value, suppressed, suppression: the columns after the keys. */
    static final int MEASURES = 5;

    private static final String PROTECTED = " In the public view, a protected count: a multiple of k (docs/disclosure.md).";
    private static final String PROTECTED_RATE = " In the public view, computed from the protected counts (docs/disclosure.md).";

    private AnswerColumns()
    {
    }

    public static List<AnswerColumn> of(ResolvedQuery query)
    {
        Indicator definition = query.indicator();
        String protectedCount = definition.countsPersons() ? PROTECTED : "";
        List<AnswerColumn> columns = new ArrayList<>();
        if (query.grain().isPresent()) {
            String format = switch (query.grain().get()) {
                case MONTH -> "yyyy-MM, e.g. 2019-03";
                case QUARTER -> "yyyy-Qn, e.g. 2019-Q1";
                case YEAR -> "yyyy, e.g. 2019";
            };
            String evaluation = definition.kind() == IndicatorKind.STOCK
                    ? "the stock is evaluated as of its last day."
                    : "the flow counts the events inside it.";
            columns.add(new AnswerColumn(Period.COLUMN, Type.STRING,
                    "Calendar period (" + format + "), clipped to the requested range; " + evaluation));
        }
        for (Dimension dimension : query.by()) {
            columns.add(new AnswerColumn(dimension.parameterName(), Type.STRING, dimension.description() + "."));
        }
        switch (definition.unit()) {
            case COUNT -> {
                columns.add(new AnswerColumn("numerator", Type.INTEGER, "The count: " + definition.definition() + "." + protectedCount));
                columns.add(new AnswerColumn("denominator", Type.INTEGER, "Always empty: a count has no denominator."));
                columns.add(new AnswerColumn("value", Type.NUMBER, "The count (equal to numerator)." + protectedCount));
            }
            case RATE -> {
                boolean target = definition.denominator() instanceof Target;
                columns.add(new AnswerColumn("numerator", Type.INTEGER, "Numerator of the rate " + definition.definition() + "." + protectedCount));
                columns.add(new AnswerColumn("denominator", target ? Type.NUMBER : Type.INTEGER, (target
                        ? "The target of the cell; empty when the cell has none."
                        : "Denominator of the rate.") + protectedCount));
                columns.add(new AnswerColumn("value", Type.NUMBER,
                        "numerator / denominator, unrounded; empty when the denominator is 0 or empty."
                                + (definition.countsPersons() ? PROTECTED_RATE : "")));
            }
            case DAYS -> {
                columns.add(new AnswerColumn("numerator", Type.INTEGER, "Always empty: a value in days has no numerator."));
                columns.add(new AnswerColumn("denominator", Type.INTEGER, "Always empty: a value in days has no denominator."));
                columns.add(new AnswerColumn("value", Type.NUMBER, "Days: " + definition.definition() + "."));
            }
        }
        columns.add(new AnswerColumn("suppressed", Type.BOOLEAN,
                "Always false: person counts are protected by rounding, not hidden (kept for readers of older files)."));
        columns.add(new AnswerColumn("suppression", Type.STRING,
                "Always empty (kept for readers of older files)."));
        return List.copyOf(columns);
    }
}
