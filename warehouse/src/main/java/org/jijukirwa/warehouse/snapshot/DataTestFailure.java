package org.jijukirwa.warehouse.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A SQL data test that found rows breaking it: its name, how many rows, and the first few of them (column -> value as text). */
public record DataTestFailure(String test, long violatingRows, List<Map<String, String>> sample)
{
    public DataTestFailure
    {
        requireNonNull(test, "test is null");
        // a value may be null: no Map.copyOf
        sample = requireNonNull(sample, "sample is null").stream()
                .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row)))
                .toList();
    }
}
