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
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Plays a public visitor who combines published figures. Each fact says that the sum of the true values of a set of
 * finest cells (named by any string) is a published number, or lies within a range (a hidden cell: a small cell is
 * within [1, k-1]); every cell is a count, so at least 0. {@link #solve} derives all it can:
 * <ul>
 * <li>exact linear algebra: the published sums are row-reduced (modulo two large primes, a value kept only when both
 * agree: {@link ModularEchelon}), so any linear combination of published figures is found, over any number of steps;</li>
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
        List<String> contradictions = new ArrayList<>();

        // ranges first: zeros (omitted rows) and small ranges pin down many cells before any elimination
        propagate(lowest, highest, contradictions);
        boolean[] fixed = new boolean[cellCount];
        for (int cell = 0; cell < cellCount; cell++) {
            fixed[cell] = lowest[cell] == highest[cell];
        }

        // the exact facts without their pinned cells, each once, smallest first (short pivot rows first)
        Map<ReducedFact, String> reduced = new HashMap<>();
        for (Fact fact : facts) {
            if (!fact.isExact()) {
                continue;
            }
            long value = fact.lowest();
            int free = 0;
            int[] cells = new int[fact.cells().length];
            for (int cell : fact.cells()) {
                if (fixed[cell]) {
                    value -= lowest[cell];
                }
                else {
                    cells[free++] = cell;
                }
            }
            int[] freeCells = Arrays.copyOf(cells, free);
            Arrays.sort(freeCells);
            if (free == 0) {
                if (value != 0) {
                    contradictions.add(fact.label() + " = " + fact.lowest());
                }
                continue;
            }
            reduced.putIfAbsent(new ReducedFact(freeCells, value), fact.label());
        }
        List<Map.Entry<ReducedFact, String>> ordered = new ArrayList<>(reduced.entrySet());
        ordered.sort(Comparator.comparingInt(entry -> entry.getKey().cells().length));
        int[] weights = new int[cellCount];
        ordered.forEach(entry -> {
            for (int cell : entry.getKey().cells()) {
                weights[cell]++;
            }
        });
        ModularEchelon first = new ModularEchelon(FIRST_PRIME, cellCount, weights);
        ModularEchelon second = new ModularEchelon(SECOND_PRIME, cellCount, weights);
        for (Map.Entry<ReducedFact, String> entry : ordered) {
            add(first, second, entry.getKey().cells(), entry.getKey().value(), entry.getValue(), contradictions);
        }

        Random random = new Random(20261203L);
        ModularEchelon.Solution firstSolution = first.solve(random);
        ModularEchelon.Solution secondSolution = second.solve(random);
        for (int round = 0; round < MAXIMUM_ROUNDS; round++) {
            // what the elimination pins down narrows the ranges ...
            boolean found = false;
            for (int cell = 0; cell < cellCount; cell++) {
                if (!fixed[cell]) {
                    OptionalLong value = value(new int[] {cell}, firstSolution, secondSolution, first, second);
                    if (value.isPresent()) {
                        lowest[cell] = Math.max(lowest[cell], value.getAsLong());
                        highest[cell] = Math.min(highest[cell], value.getAsLong());
                        fixed[cell] = true;
                        found = true;
                    }
                }
            }
            // ... and the ranges, propagated through every fact, may pin down more, which go back into the elimination
            propagate(lowest, highest, contradictions);
            boolean more = false;
            for (int cell = 0; cell < cellCount; cell++) {
                if (!fixed[cell] && lowest[cell] == highest[cell]) {
                    fixed[cell] = true;
                    more = true;
                    add(first, second, new int[] {cell}, lowest[cell], "range of " + cellNames.get(cell), contradictions);
                }
            }
            if (!more) {
                break;
            }
            firstSolution = first.solve(random);
            secondSolution = second.solve(random);
        }
        Map<String, Long> determined = new TreeMap<>();
        for (int cell = 0; cell < cellCount; cell++) {
            if (fixed[cell]) {
                determined.put(cellNames.get(cell), lowest[cell]);
            }
        }
        return new Deductions(Map.copyOf(columns), determined, lowest, highest, first, second, firstSolution, secondSolution, contradictions);
    }

    private record ReducedFact(int[] cells, long value)
    {
        @Override
        public boolean equals(Object other)
        {
            return other instanceof ReducedFact fact && fact.value == value && Arrays.equals(fact.cells, cells);
        }

        @Override
        public int hashCode()
        {
            return 31 * Arrays.hashCode(cells) + Long.hashCode(value);
        }
    }

    private static void add(ModularEchelon first, ModularEchelon second, int[] cells, long value, String label, List<String> contradictions)
    {
        long[] ones = ones(cells.length);
        boolean consistent = first.add(cells, ones, value);
        consistent &= second.add(cells, ones, value);
        if (!consistent) {
            contradictions.add(label + " = " + value);
        }
    }

    /** The value of the sum of the cells when both primes' null vectors are orthogonal to it and both read the same integer. */
    private static OptionalLong value(int[] cells, ModularEchelon.Solution firstSolution, ModularEchelon.Solution secondSolution,
            ModularEchelon first, ModularEchelon second)
    {
        OptionalLong a = value(cells, firstSolution, first.prime());
        OptionalLong b = value(cells, secondSolution, second.prime());
        if (a.isEmpty() || b.isEmpty() || a.getAsLong() != b.getAsLong()) {
            return OptionalLong.empty();
        }
        return a;
    }

    private static OptionalLong value(int[] cells, ModularEchelon.Solution solution, long prime)
    {
        long firstNull = 0;
        long secondNull = 0;
        long value = 0;
        for (int cell : cells) {
            firstNull = (firstNull + solution.firstNull()[cell]) % prime;
            secondNull = (secondNull + solution.secondNull()[cell]) % prime;
            value = (value + solution.particular()[cell]) % prime;
        }
        return firstNull == 0 && secondNull == 0 ? OptionalLong.of(signed(value, prime)) : OptionalLong.empty();
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
        private final ModularEchelon.Solution firstSolution;
        private final ModularEchelon.Solution secondSolution;
        private final List<String> contradictions;

        private Deductions(Map<String, Integer> columns, Map<String, Long> determinedCells, long[] lowest, long[] highest, ModularEchelon first,
                ModularEchelon second, ModularEchelon.Solution firstSolution, ModularEchelon.Solution secondSolution, List<String> contradictions)
        {
            this.columns = columns;
            this.determinedCells = determinedCells;
            this.lowest = lowest;
            this.highest = highest;
            this.first = first;
            this.second = second;
            this.firstSolution = firstSolution;
            this.secondSolution = secondSolution;
            this.contradictions = List.copyOf(contradictions);
        }

        /** Every finest cell whose value the facts determine: cell -> value. */
        public Map<String, Long> determinedCells()
        {
            return determinedCells;
        }

        /**
         * The value of the sum of these cells when the facts determine it (as a linear combination of published
         * figures and pinned cells); a cell never named in a fact is unknown.
         */
        public OptionalLong valueOf(Collection<String> cells)
        {
            Set<String> distinct = new LinkedHashSet<>(cells);
            long pinned = 0;
            List<Integer> open = new ArrayList<>();
            for (String cell : distinct) {
                Integer column = columns.get(cell);
                if (column == null) {
                    return OptionalLong.empty();
                }
                if (lowest[column] == highest[column]) {
                    pinned += lowest[column];
                }
                else {
                    open.add(column);
                }
            }
            if (open.isEmpty()) {
                return OptionalLong.of(pinned);
            }
            OptionalLong rest = value(open.stream().mapToInt(Integer::intValue).toArray(), firstSolution, secondSolution, first, second);
            return rest.isPresent() ? OptionalLong.of(pinned + rest.getAsLong()) : OptionalLong.empty();
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

        /** The number of independent published figures, once pinned cells are taken out. */
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
