package org.jijukirwa.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression of indicators.md, applied to the rows of a person-counting answer.
 * A cell's size is its count, or for a rate its denominator. Cells of size 1..k-1 are suppressed;
 * then, along each by-dimension, a group of cells sharing the period and all other by-values that
 * has exactly one suppressed cell gets its smallest other non-zero cell suppressed too, until no
 * group has exactly one. Pure: no database, no state besides k.
 */
final class CellSuppression
{
    static final String PERIOD = "period";

    private final int threshold;

    CellSuppression(int threshold)
    {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    List<AnswerRow> apply(List<AnswerRow> rows, List<String> by, IndicatorUnit unit)
    {
        int count = rows.size();
        double[] sizes = new double[count];
        Suppression[] reasons = new Suppression[count];
        for (int index = 0; index < count; index++) {
            AnswerRow row = rows.get(index);
            Number size = unit == IndicatorUnit.RATE ? row.denominator() : row.value();
            sizes[index] = size == null ? 0 : size.doubleValue();
            if (row.suppressed()) {
                reasons[index] = row.suppression().orElseThrow();
            }
            else if (sizes[index] >= 1 && sizes[index] < threshold) {
                reasons[index] = Suppression.SMALL_CELL;
            }
        }

        boolean changed = true;
        while (changed) {
            changed = false;
            for (String dimension : by) {
                for (List<Integer> group : groupsAlong(rows, by, dimension)) {
                    if (group.stream().filter(index -> reasons[index] != null).count() != 1) {
                        continue;
                    }
                    int smallest = -1;
                    for (int index : group) {
                        if (reasons[index] == null && sizes[index] > 0 && (smallest < 0 || sizes[index] < sizes[smallest])) {
                            smallest = index;
                        }
                    }
                    if (smallest >= 0) {
                        reasons[smallest] = Suppression.COMPLEMENTARY;
                        changed = true;
                    }
                }
            }
        }

        List<AnswerRow> result = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            AnswerRow row = rows.get(index);
            result.add(reasons[index] == null || row.suppressed() ? row : row.suppress(reasons[index]));
        }
        return result;
    }

    /** Row indexes grouped by period and every by-value except the dimension's. */
    private static List<List<Integer>> groupsAlong(List<AnswerRow> rows, List<String> by, String dimension)
    {
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int index = 0; index < rows.size(); index++) {
            Map<String, String> cells = rows.get(index).cells();
            List<String> key = new ArrayList<>();
            key.add(cells.get(PERIOD));
            for (String other : by) {
                if (!other.equals(dimension)) {
                    key.add(cells.get(other));
                }
            }
            groups.computeIfAbsent(key, ignored -> new ArrayList<>()).add(index);
        }
        return List.copyOf(groups.values());
    }
}
