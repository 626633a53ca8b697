package org.jijukirwa.warehouse.answer;

import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The SQL an indicator request runs on its snapshot, with its positional parameters (nulls allowed), exact (the
 * manager's view): for benchmarks and diagnostics, to run the same query bare (see {@code Warehouse.explain}).
 */
public record ExplainedQuery(String sql, List<Object> parameters)
{
    public ExplainedQuery
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(parameters, "parameters is null");
        parameters = Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }
}
