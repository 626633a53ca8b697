package org.jijukirwa.warehouse.answer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One cell of an answer. {@code cells}: "period" first when there is a grain, then the by-dimensions
 * in request order. numerator/denominator/value: Long for counts, Double for rates and days, null where
 * the spec says null. Nothing is hidden: the public's person counts are protected by rounding (docs/disclosure.md).
 */
public record AnswerRow(Map<String, String> cells, Number numerator, Number denominator, Number value)
{
    public AnswerRow
    {
        // keeps the order of the cells; Map.copyOf would not
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(cells, "cells is null")));
    }
}
