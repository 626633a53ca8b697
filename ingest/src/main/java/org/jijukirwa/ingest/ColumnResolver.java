package org.jijukirwa.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Names the contract column a source column feeds: the mapping file's choice
 * first, then the source name itself when it is a contract column (both
 * compared case-insensitively after trimming). Anything else is ignored.
 */
public record ColumnResolver(Map<String, String> mappedColumns, List<String> contractColumns)
        implements Serializable
{
    public ColumnResolver
    {
        mappedColumns = Map.copyOf(mappedColumns);
        contractColumns = List.copyOf(requireNonNull(contractColumns, "contractColumns is null"));
    }

    public static ColumnResolver direct(RecordSet recordSet)
    {
        return new ColumnResolver(Map.of(), recordSet.sourceColumns());
    }

    public static String normalise(String sourceName)
    {
        return sourceName.strip().toLowerCase(Locale.ROOT);
    }

    /** The contract column of one source name, or null. */
    public String columnFor(String sourceName)
    {
        String name = normalise(sourceName);
        String mapped = mappedColumns.get(name);
        if (mapped != null) {
            return mapped;
        }
        return contractColumns.contains(name) ? name : null;
    }

    /** The contract column of each source column (null = ignored); a contract column is fed at most once, mapped names first. */
    public List<String> resolve(List<String> sourceNames)
    {
        String[] columns = new String[sourceNames.size()];
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < columns.length; i++) {
            String mapped = mappedColumns.get(normalise(sourceNames.get(i)));
            if (mapped != null && taken.add(mapped)) {
                columns[i] = mapped;
            }
        }
        for (int i = 0; i < columns.length; i++) {
            String name = normalise(sourceNames.get(i));
            if (columns[i] == null && !mappedColumns.containsKey(name) && contractColumns.contains(name) && taken.add(name)) {
                columns[i] = name;
            }
        }
        return Arrays.asList(columns);
    }

    /** The source names that feed no contract column. */
    public List<String> ignored(List<String> sourceNames)
    {
        List<String> columns = resolve(sourceNames);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == null) {
                ignored.add(sourceNames.get(i).strip());
            }
        }
        return ignored;
    }
}
