package org.jijukirwa.warehouse.answer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jijukirwa.warehouse.suppression.Suppression;

import static java.util.Objects.requireNonNull;

/**
 * One cell of an answer. {@code cells}: "period" first when there is a grain, then the by-dimensions
 * in request order. numerator/denominator/value: Long for counts, Double for rates and days, null where
 * the spec says null (and on suppressed cells).
 */
public record AnswerRow(Map<String, String> cells, Number numerator, Number denominator, Number value,
        boolean suppressed, Optional<Suppression> suppression)
{
    public AnswerRow
    {
        // keeps the order of the cells; Map.copyOf would not
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(cells, "cells is null")));
        requireNonNull(suppression, "suppression is null");
        if (suppressed != suppression.isPresent()) {
            throw new IllegalArgumentException("suppressed and suppression disagree");
        }
    }

    /** This cell with its numbers hidden. */
    public AnswerRow suppress(Suppression reason)
    {
        return new AnswerRow(cells, null, null, null, true, Optional.of(reason));
    }
}
