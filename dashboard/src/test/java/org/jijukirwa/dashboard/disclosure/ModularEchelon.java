package org.jijukirwa.dashboard.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Sparse Gaussian elimination modulo a prime, kept in reduced row echelon form as equations come in: each pivot
 * row has coefficient 1 on its pivot column and 0 on every other pivot column. A column whose pivot row holds only
 * that column is determined; a linear combination is determined when it reduces to nothing against the pivot rows.
 * Exact over the integers modulo p: {@link DifferencingAttacker} runs two primes and keeps what both agree on.
 */
final class ModularEchelon
{
    private final long prime;
    /** pivot column -> its row: column -> coefficient (pivot coefficient 1), and the right-hand side under key RHS */
    private final Map<Integer, Map<Integer, Long>> pivotRows = new HashMap<>();
    private final Map<Integer, Long> rightHandSides = new HashMap<>();
    /** non-pivot column -> the pivot columns whose rows hold it */
    private final Map<Integer, Set<Integer>> rowsHolding = new HashMap<>();

    ModularEchelon(long prime)
    {
        if (prime < 3 || prime > 3_037_000_493L || !BigInteger.valueOf(prime).isProbablePrime(50)) {
            throw new IllegalArgumentException("need a prime whose products fit a long: " + prime);
        }
        this.prime = prime;
    }

    int rank()
    {
        return pivotRows.size();
    }

    /**
     * Adds the equation sum(coefficients[i] * x[columns[i]]) = value. Returns false when it contradicts the
     * equations already in (it reduces to 0 = non-zero), in which case nothing changes.
     */
    boolean add(int[] columns, long[] coefficients, long value)
    {
        Map<Integer, Long> row = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            addTo(row, columns[i], modulo(coefficients[i]));
        }
        long rightHandSide = reduce(row, modulo(value));
        if (row.isEmpty()) {
            return rightHandSide == 0;
        }
        int pivot = -1;
        int fewestRows = Integer.MAX_VALUE;
        for (int column : row.keySet()) {
            int rows = rowsHolding.getOrDefault(column, Set.of()).size();
            if (rows < fewestRows || (rows == fewestRows && column < pivot)) {
                pivot = column;
                fewestRows = rows;
            }
        }
        long inverse = inverse(row.get(pivot));
        row.replaceAll((column, coefficient) -> multiply(coefficient, inverse));
        rightHandSide = multiply(rightHandSide, inverse);

        // back-substitute: no other pivot row may hold the new pivot column
        Set<Integer> holders = rowsHolding.remove(pivot);
        if (holders != null) {
            for (int holder : holders) {
                Map<Integer, Long> other = pivotRows.get(holder);
                long factor = other.get(pivot);
                for (Map.Entry<Integer, Long> entry : row.entrySet()) {
                    int column = entry.getKey();
                    boolean had = other.containsKey(column);
                    addTo(other, column, modulo(-multiply(factor, entry.getValue())));
                    if (column != pivot) {
                        boolean has = other.containsKey(column);
                        if (had && !has) {
                            rowsHolding.get(column).remove(holder);
                        }
                        else if (!had && has) {
                            rowsHolding.computeIfAbsent(column, ignored -> new HashSet<>()).add(holder);
                        }
                    }
                }
                rightHandSides.put(holder, modulo(rightHandSides.get(holder) - multiply(factor, rightHandSide)));
            }
        }
        pivotRows.put(pivot, row);
        rightHandSides.put(pivot, rightHandSide);
        for (int column : row.keySet()) {
            if (column != pivot) {
                rowsHolding.computeIfAbsent(column, ignored -> new HashSet<>()).add(pivot);
            }
        }
        return true;
    }

    /** The value modulo p of sum(coefficients[i] * x[columns[i]]) when the equations determine it. */
    OptionalLong valueOf(int[] columns, long[] coefficients)
    {
        Map<Integer, Long> row = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            addTo(row, columns[i], modulo(coefficients[i]));
        }
        // row . x = value  <=>  (row - sum c P) . x = value - sum c rhs: determined when the residual is empty
        long reduced = reduce(row, 0);
        return row.isEmpty() ? OptionalLong.of(modulo(-reduced)) : OptionalLong.empty();
    }

    /** Columns whose pivot row holds only themselves: column -> value modulo p. */
    Map<Integer, Long> determinedColumns()
    {
        Map<Integer, Long> determined = new HashMap<>();
        pivotRows.forEach((pivot, row) -> {
            if (row.size() == 1) {
                determined.put(pivot, rightHandSides.get(pivot));
            }
        });
        return determined;
    }

    long prime()
    {
        return prime;
    }

    /** Subtracts pivot rows until the row holds no pivot column; returns the right-hand side reduced alike. */
    private long reduce(Map<Integer, Long> row, long rightHandSide)
    {
        List<Integer> pivotsInRow = new ArrayList<>();
        for (int column : row.keySet()) {
            if (pivotRows.containsKey(column)) {
                pivotsInRow.add(column);
            }
        }
        // a pivot row holds no other pivot column, so subtracting one never brings another pivot column in
        for (int pivot : pivotsInRow) {
            Long factor = row.get(pivot);
            if (factor == null) {
                continue;
            }
            for (Map.Entry<Integer, Long> entry : pivotRows.get(pivot).entrySet()) {
                addTo(row, entry.getKey(), modulo(-multiply(factor, entry.getValue())));
            }
            rightHandSide = modulo(rightHandSide - multiply(factor, rightHandSides.get(pivot)));
        }
        return rightHandSide;
    }

    private void addTo(Map<Integer, Long> row, int column, long amount)
    {
        if (amount == 0) {
            return;
        }
        long sum = (row.getOrDefault(column, 0L) + amount) % prime;
        if (sum == 0) {
            row.remove(column);
        }
        else {
            row.put(column, sum);
        }
    }

    private long modulo(long value)
    {
        return Math.floorMod(value, prime);
    }

    private long multiply(long a, long b)
    {
        return Math.floorMod(a * b, prime);
    }

    private long inverse(long value)
    {
        return BigInteger.valueOf(value).modInverse(BigInteger.valueOf(prime)).longValueExact();
    }
}
