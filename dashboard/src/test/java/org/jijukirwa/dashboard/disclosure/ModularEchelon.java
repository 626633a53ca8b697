package org.jijukirwa.dashboard.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Sparse Gaussian elimination modulo a prime, in forward (row echelon) form: each equation that comes in is reduced
 * against the pivot rows before it (oldest first, so no pivot comes back) and, unless it reduces to nothing, becomes a
 * pivot row on the column that the fewest equations hold (little fill-in). Older rows are never rewritten, which
 * keeps the work near the size of the equations.
 *
 * <p>What the equations determine is read from {@link #solve}: a particular solution (free columns 0) and two random
 * vectors of the null space (free columns random). A linear combination t is determined exactly when t is orthogonal
 * to the whole null space; t . z = 0 for a random null-space vector z is false with probability 1/p otherwise, so two
 * vectors (and the second prime of {@link DifferencingAttacker}) make a wrong "determined" practically impossible.
 */
final class ModularEchelon
{
    private final long prime;
    private final int[] weights;
    private final int[] pivotRowOfColumn;
    private final List<int[]> rowColumns = new ArrayList<>();
    private final List<long[]> rowCoefficients = new ArrayList<>();
    private final List<Long> rowValues = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    // the scratch row of the reduction, dense over the columns
    private final long[] scratch;
    private final boolean[] touched;
    private final int[] touchedColumns;
    /** per pivot row, the number of the reduction that queued it last */
    private int[] queuedStamp = new int[64];
    private int touchedCount;
    private int stamp;

    /**
     * @param columnCount the columns are 0 .. columnCount - 1
     * @param weights per column, how many equations hold it: the lightest column of a new row becomes its pivot
     */
    ModularEchelon(long prime, int columnCount, int[] weights)
    {
        if (prime < 3 || prime > 3_037_000_493L || !BigInteger.valueOf(prime).isProbablePrime(50)) {
            throw new IllegalArgumentException("need a prime whose products fit a long: " + prime);
        }
        this.prime = prime;
        this.weights = weights.clone();
        this.pivotRowOfColumn = new int[columnCount];
        Arrays.fill(pivotRowOfColumn, -1);
        this.scratch = new long[columnCount];
        this.touched = new boolean[columnCount];
        this.touchedColumns = new int[columnCount];
    }

    long prime()
    {
        return prime;
    }

    int rank()
    {
        return pivots.size();
    }

    /**
     * Adds sum(coefficients[i] * x[columns[i]]) = value. Returns false when it contradicts the equations already in
     * (it reduces to 0 = non-zero); nothing is added then.
     */
    boolean add(int[] columns, long[] coefficients, long value)
    {
        for (int i = 0; i < columns.length; i++) {
            accumulate(columns[i], modulo(coefficients[i]));
        }
        long rightHandSide = modulo(value);
        // oldest pivot row first: subtracting row r brings in only columns that were free when r came, so pivots of later rows
        PriorityQueue<Integer> queue = new PriorityQueue<>();
        stamp++;
        for (int i = 0; i < touchedCount; i++) {
            int row = pivotRowOfColumn[touchedColumns[i]];
            if (row >= 0 && queuedStamp[row] != stamp) {
                queuedStamp[row] = stamp;
                queue.add(row);
            }
        }
        while (!queue.isEmpty()) {
            int row = queue.poll();
            long factor = scratch[pivots.get(row)];
            if (factor == 0) {
                continue;
            }
            int[] rowColumnsOfRow = rowColumns.get(row);
            long[] coefficientsOfRow = rowCoefficients.get(row);
            for (int i = 0; i < rowColumnsOfRow.length; i++) {
                int column = rowColumnsOfRow[i];
                accumulate(column, prime - multiply(factor, coefficientsOfRow[i]));
                int later = pivotRowOfColumn[column];
                if (later > row && queuedStamp[later] != stamp) {
                    queuedStamp[later] = stamp;
                    queue.add(later);
                }
            }
            rightHandSide = modulo(rightHandSide - multiply(factor, rowValues.get(row)));
        }

        int count = 0;
        int pivot = -1;
        for (int i = 0; i < touchedCount; i++) {
            int column = touchedColumns[i];
            if (scratch[column] != 0) {
                count++;
                if (pivot < 0 || weights[column] < weights[pivot] || (weights[column] == weights[pivot] && column < pivot)) {
                    pivot = column;
                }
            }
        }
        if (count == 0) {
            clearScratch();
            return rightHandSide == 0;
        }
        long inverse = inverse(scratch[pivot]);
        int[] newColumns = new int[count];
        long[] newCoefficients = new long[count];
        int next = 0;
        for (int i = 0; i < touchedCount; i++) {
            int column = touchedColumns[i];
            if (scratch[column] != 0) {
                newColumns[next] = column;
                newCoefficients[next] = multiply(scratch[column], inverse);
                next++;
            }
        }
        clearScratch();
        pivotRowOfColumn[pivot] = pivots.size();
        if (pivots.size() == queuedStamp.length) {
            queuedStamp = Arrays.copyOf(queuedStamp, queuedStamp.length * 2);
        }
        pivots.add(pivot);
        rowColumns.add(newColumns);
        rowCoefficients.add(newCoefficients);
        rowValues.add(multiply(rightHandSide, inverse));
        return true;
    }

    /** A solution and two null-space vectors, each indexed by column, modulo p. */
    record Solution(long[] particular, long[] firstNull, long[] secondNull)
    {
        boolean isDetermined(int column)
        {
            return firstNull[column] == 0 && secondNull[column] == 0;
        }
    }

    /** Back-substitution, newest row first; the free columns are 0 in the solution and random in the null vectors. */
    Solution solve(Random random)
    {
        int columnCount = pivotRowOfColumn.length;
        long[] particular = new long[columnCount];
        long[] firstNull = new long[columnCount];
        long[] secondNull = new long[columnCount];
        for (int column = 0; column < columnCount; column++) {
            if (pivotRowOfColumn[column] < 0) {
                firstNull[column] = 1 + Math.floorMod(random.nextLong(), prime - 1);
                secondNull[column] = 1 + Math.floorMod(random.nextLong(), prime - 1);
            }
        }
        for (int row = pivots.size() - 1; row >= 0; row--) {
            int pivot = pivots.get(row);
            long value = rowValues.get(row);
            long first = 0;
            long second = 0;
            int[] columns = rowColumns.get(row);
            long[] coefficients = rowCoefficients.get(row);
            for (int i = 0; i < columns.length; i++) {
                int column = columns[i];
                if (column == pivot) {
                    continue;
                }
                value = modulo(value - multiply(coefficients[i], particular[column]));
                first = modulo(first - multiply(coefficients[i], firstNull[column]));
                second = modulo(second - multiply(coefficients[i], secondNull[column]));
            }
            particular[pivot] = value;
            firstNull[pivot] = first;
            secondNull[pivot] = second;
        }
        return new Solution(particular, firstNull, secondNull);
    }

    private void accumulate(int column, long amount)
    {
        if (!touched[column]) {
            touched[column] = true;
            touchedColumns[touchedCount++] = column;
        }
        scratch[column] = (scratch[column] + amount) % prime;
    }

    private void clearScratch()
    {
        for (int i = 0; i < touchedCount; i++) {
            int column = touchedColumns[i];
            touched[column] = false;
            scratch[column] = 0;
        }
        touchedCount = 0;
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
