package org.jijukirwa.warehouse.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.lineage.Lineage;
import org.jijukirwa.warehouse.lineage.SnapshotLineage;

/** Expected answer rows and request parameters, written compactly. Cells are name, value pairs. */
public final class Rows
{
    private Rows()
    {
    }

    public static AnswerRow count(long value, String... cells)
    {
        return new AnswerRow(cells(cells), value, null, value);
    }

    public static AnswerRow rate(long numerator, long denominator, String... cells)
    {
        return new AnswerRow(cells(cells), numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }

    /** A rate whose cell has no target. */
    public static AnswerRow rateWithoutDenominator(long numerator, String... cells)
    {
        return new AnswerRow(cells(cells), numerator, null, null);
    }

    public static AnswerRow days(Double value, String... cells)
    {
        return new AnswerRow(cells(cells), null, null, value);
    }

    public static Map<String, String> cells(String... pairs)
    {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("cells come in name, value pairs");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            cells.put(pairs[index], pairs[index + 1]);
        }
        return cells;
    }

    /** Query parameters as a URL's query string writes them: {@code by=province&as_of=2019-12-31}. */
    public static Map<String, String> parameters(String query)
    {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    public static IndicatorAnswer ask(Warehouse warehouse, String indicator, String query, Audience audience)
    {
        return warehouse.answer(IndicatorQuery.parse(indicator, parameters(query)), audience);
    }

    public static IndicatorAnswer ask(Warehouse warehouse, String indicator, String query)
    {
        return ask(warehouse, indicator, query, Audience.MANAGER);
    }

    /** A lineage with no runs or files, for value tests that need one. */
    public static Lineage lineage(String snapshotId)
    {
        return new Lineage(Optional.empty(), new SnapshotLineage(snapshotId, LocalDate.parse("2020-06-30"), Instant.parse("2020-07-01T00:00:00Z"),
                Instant.parse("2020-07-01T00:05:00Z"), List.of(), List.of(), new TreeMap<>()), false, 5);
    }
}
