package org.jijukirwa.dashboard.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Plays a public visitor who combines published figures. Each fact says that the sum of the true values of a set of
 * finest cells (named by any string) is a published number, or lies within a range (a hidden cell: a small cell is
 * within [1, k-1]); every cell is a count, so at least 0. {@link #solve} derives all it can:
 * <ul>
 * <li>exact linear algebra: the published sums are row-reduced (reduced echelon form, modulo two large primes, a value
 * kept only when both agree), so any linear combination of published figures is found, over any number of steps;</li>
 * <li>interval reasoning: the ranges and non-negativity are propagated through every fact (a sum of 2 over two hidden
 * cells of at least 1 each makes both 1), and what either method pins down feeds the other until nothing changes.</li>
 * </ul>
 * It models the attacker, not the warehouse: it trusts every published number as exact.
 */
public final class DifferencingAttacker
{
    private static final long FIRST_PRIME = 1_000_000_007L;
    private static final long SECOND_PRIME = 998_244_353L;
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;
    private static final int MAXIMUM_ROUNDS = 20;

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> cellNames = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();

    private record Fact(int[] cells, long lowest, long highest, String label)
    {
        boolean isExact()
        {
            return lowest == highest;
        }
    }

    /** The sum of the true values of {@code cells} is {@code value} (a published figure). */
    public void published(Collection<String> cells, long value, String label)
    {
        facts.add(new Fact(columnsOf(cells), value, value, label));
    }

    /** The sum of the true values of {@code cells} lies within [lowest, highest] (e.g. a suppressed small cell: [1, k-1]). */
    public void bounded(Collection<String> cells, long lowest, long highest, String label)
    {
        if (lowest > highest) {
            throw new IllegalArgumentException("empty range [" + lowest + ", " + highest + "] for " + label);
        }
        facts.add(new Fact(columnsOf(cells), lowest, Math.min(highest, UNBOUNDED), label));
    }

    /** These cells exist, and nothing is published about them (they are at least 0). */
    public void hidden(Collection<String> cells, String label)
    {
        bounded(cells, 0, UNBOUNDED, label);
    }

    public int cellCount()
    {
        return cellNames.size();
    }

    public int factCount()
    {
        return facts.size();
    }

    public Deductions solve()
    {
        int cellCount = cellNames.size();
        long[] lowest = new long[cellCount];
        long[] highest = new long[cellCount];
        Arrays.fill(highest, UNBOUNDED);
        ModularEchelon first = new ModularEchelon(FIRST_PRIME);
        ModularEchelon second = new ModularEchelon(SECOND_PRIME);
        List<String> contradictions = new ArrayList<>();

        // the exact facts, smallest first: small sums make short pivot rows, which keeps the elimination sparse
        List<Fact> exact = facts.stream().filter(Fact::isExact).sorted(Comparator.comparingInt(fact -> fact.cells().length)).toList();
        for (Fact fact : exact) {
            long[] ones = ones(fact.cells().length);
            boolean consistent = first.add(fact.cells(), ones, fact.lowest());
            consistent &= second.add(fact.cells(), ones, fact.lowest());
            if (!consistent) {
                contradictions.add(fact.label() + " = " + fact.lowest());
            }
        }

        Map<Integer, Long> fixed = new HashMap<>();
        for (int round = 0; round < MAXIMUM_ROUNDS; round++) {
            Map<Integer, Long> found = new HashMap<>();
            // what the elimination pins down narrows the ranges ...
            agreedDetermined(first, second).forEach((column, value) -> {
                if (!fixed.containsKey(column)) {
                    found.put(column, value);
                }
            });
            found.forEach((column, value) -> {
                lowest[column] = Math.max(lowest[column], value);
                highest[column] = Math.min(highest[column], value);
            });
            // ... and the ranges, propagated through every fact, may pin down more
            propagate(lowest, highest, contradictions);
            for (int column = 0; column < cellCount; column++) {
                if (lowest[column] == highest[column] && !fixed.containsKey(column) && !found.containsKey(column)) {
                    found.put(column, lowest[column]);
                }
            }
            if (found.isEmpty()) {
                break;
            }
            for (Map.Entry<Integer, Long> entry : found.entrySet()) {
                fixed.put(entry.getKey(), entry.getValue());
                int[] cell = {entry.getKey()};
                boolean consistent = first.add(cell, new long[] {1}, entry.getValue());
                consistent &= second.add(cell, new long[] {1}, entry.getValue());
                if (!consistent) {
                    contradictions.add("range of " + cellNames.get(entry.getKey()) + " = " + entry.getValue());
                }
            }
        }

        Map<String, Long> determined = new TreeMap<>();
        agreedDetermined(first, second).forEach((column, value) -> determined.put(cellNames.get(column), value));
        return new Deductions(Map.copyOf(columns), determined, lowest, highest, first, second, contradictions);
    }

    /** What the facts determine. */
    public static final class Deductions
    {
        private final Map<String, Integer> columns;
        private final Map<String, Long> determinedCells;
        private final long[] lowest;
        private final long[] highest;
        private final ModularEchelon first;
        private final ModularEchelon second;
        private final List<String> contradictions;

        private Deductions(Map<String, Integer> columns, Map<String, Long> determinedCells, long[] lowest, long[] highest, ModularEchelon first,
                ModularEchelon second, List<String> contradictions)
        {
            this.columns = columns;
            this.determinedCells = determinedCells;
            this.lowest = lowest;
            this.highest = highest;
            this.first = first;
            this.second = second;
            this.contradictions = List.copyOf(contradictions);
        }

        /** Every finest cell whose value the facts determine: cell -> value. */
        public Map<String, Long> determinedCells()
        {
            return determinedCells;
        }

        /**
         * The value of the sum of these cells when the facts determine it (as a linear combination of published
         * figures, or because the ranges of all its cells are closed); a cell never named in a fact is unknown.
         */
        public OptionalLong valueOf(Collection<String> cells)
        {
            Set<String> distinct = new LinkedHashSet<>(cells);
            int[] sum = new int[distinct.size()];
            long lowestSum = 0;
            long highestSum = 0;
            int i = 0;
            for (String cell : distinct) {
                Integer column = columns.get(cell);
                if (column == null) {
                    return OptionalLong.empty();
                }
                sum[i++] = column;
                lowestSum += lowest[column];
                highestSum = Math.min(UNBOUNDED, highestSum + highest[column]);
            }
            if (lowestSum == highestSum) {
                return OptionalLong.of(lowestSum);
            }
            return agreed(first.valueOf(sum, ones(sum.length)), second.valueOf(sum, ones(sum.length)), first, second);
        }

        /** The range the facts allow for the sum of these cells ([0, unbounded) for cells never named). */
        public long[] rangeOf(Collection<String> cells)
        {
            OptionalLong exact = valueOf(cells);
            if (exact.isPresent()) {
                return new long[] {exact.getAsLong(), exact.getAsLong()};
            }
            long lowestSum = 0;
            long highestSum = 0;
            for (String cell : new LinkedHashSet<>(cells)) {
                Integer column = columns.get(cell);
                lowestSum += column == null ? 0 : lowest[column];
                highestSum = Math.min(UNBOUNDED, highestSum + (column == null ? UNBOUNDED : highest[column]));
            }
            return new long[] {lowestSum, highestSum};
        }

        /** Facts that contradict the others (a published figure that cannot hold with the rest): empty for honest data. */
        public List<String> contradictions()
        {
            return contradictions;
        }

        /** The number of independent published figures. */
        public int rank()
        {
            return first.rank();
        }
    }

    private int[] columnsOf(Collection<String> cells)
    {
        requireNonNull(cells, "cells is null");
        Set<String> distinct = new LinkedHashSet<>(cells);
        int[] result = new int[distinct.size()];
        int i = 0;
        for (String cell : distinct) {
            Integer column = columns.get(cell);
            if (column == null) {
                column = cellNames.size();
                columns.put(cell, column);
                cellNames.add(cell);
            }
            result[i++] = column;
        }
        return result;
    }

    /** Interval propagation: within each fact, a cell is at most the fact's top minus the others' floors, and so on. */
    private void propagate(long[] lowest, long[] highest, List<String> contradictions)
    {
        for (int round = 0; round < MAXIMUM_ROUNDS; round++) {
            boolean changed = false;
            for (Fact fact : facts) {
                long lowestSum = 0;
                long highestSum = 0;
                for (int cell : fact.cells()) {
                    lowestSum += lowest[cell];
                    highestSum = Math.min(UNBOUNDED, highestSum + highest[cell]);
                }
                for (int cell : fact.cells()) {
                    long othersLowest = lowestSum - lowest[cell];
                    long top = fact.highest() >= UNBOUNDED ? UNBOUNDED : fact.highest() - othersLowest;
                    long floor = highestSum >= UNBOUNDED ? 0 : fact.lowest() - (highestSum - highest[cell]);
                    if (top < highest[cell]) {
                        highest[cell] = top;
                        changed = true;
                    }
                    if (floor > lowest[cell]) {
                        lowest[cell] = floor;
                        changed = true;
                    }
                    if (lowest[cell] > highest[cell]) {
                        // the facts cannot all hold: say where, and stop narrowing ranges that no longer mean anything
                        contradictions.add("no count of " + cellNames.get(cell) + " fits " + fact.label());
                        highest[cell] = lowest[cell];
                        return;
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    private Map<Integer, Long> agreedDetermined(ModularEchelon first, ModularEchelon second)
    {
        Map<Integer, Long> agreed = new HashMap<>();
        Map<Integer, Long> fromSecond = second.determinedColumns();
        first.determinedColumns().forEach((column, value) -> {
            Long other = fromSecond.get(column);
            if (other != null) {
                OptionalLong both = agreed(OptionalLong.of(value), OptionalLong.of(other), first, second);
                both.ifPresent(exact -> agreed.put(column, exact));
            }
        });
        return agreed;
    }

    /** The integer that both residues stand for, read as signed (counts are far below half of either prime). */
    private static OptionalLong agreed(OptionalLong first, OptionalLong second, ModularEchelon firstEchelon, ModularEchelon secondEchelon)
    {
        if (first.isEmpty() || second.isEmpty()) {
            return OptionalLong.empty();
        }
        long a = signed(first.getAsLong(), firstEchelon.prime());
        long b = signed(second.getAsLong(), secondEchelon.prime());
        return a == b ? OptionalLong.of(a) : OptionalLong.empty();
    }

    private static long signed(long residue, long prime)
    {
        return residue > prime / 2 ? residue - prime : residue;
    }

    private static long[] ones(int length)
    {
        long[] ones = new long[length];
        Arrays.fill(ones, 1);
        return ones;
    }
}
