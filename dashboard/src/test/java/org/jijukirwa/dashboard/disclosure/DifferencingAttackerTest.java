package org.jijukirwa.dashboard.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The attacker on hand-made systems, with the answers worked out by hand. */
class DifferencingAttackerTest
{
    @Test
    void solvesTheBugeseraExample()
    {
        // members_active?by=district,sex&district=Bugesera hides F (complementary) and U (small cell) and shows M = 170;
        // members_active?by=district gives 280; women_share?by=district gives 106 / 276 (F over F + M)
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.published(List.of("M"), 170, "M");
        attacker.bounded(List.of("F"), 1, Long.MAX_VALUE, "F complementary");
        attacker.bounded(List.of("U"), 1, 4, "U small cell");
        attacker.published(List.of("F", "M", "U"), 280, "district total");
        attacker.published(List.of("F"), 106, "women_share numerator");
        attacker.published(List.of("F", "M"), 276, "women_share denominator");

        DifferencingAttacker.Deductions deductions = attacker.solve();

        assertThat(deductions.determinedCells()).isEqualTo(Map.of("F", 106L, "M", 170L, "U", 4L));
        assertThat(deductions.contradictions()).isEmpty();
    }

    @Test
    void solvesTheBugeseraExampleWithoutTheMaleCellBeingShown()
    {
        // the same without M: U still follows from the two totals, and M from the rate
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.hidden(List.of("F", "M", "U"), "by sex, all hidden");
        attacker.published(List.of("F", "M", "U"), 280, "district total");
        attacker.published(List.of("F", "M"), 276, "women_share denominator");

        DifferencingAttacker.Deductions deductions = attacker.solve();

        assertThat(deductions.determinedCells()).isEqualTo(Map.of("U", 4L));
        assertThat(deductions.valueOf(List.of("F", "M"))).hasValue(276);
        assertThat(deductions.valueOf(List.of("F"))).isEmpty();
    }

    @Test
    void solvesAHiddenCellOfATableWithRowAndColumnTotals()
    {
        // 3 x 3 table, cell (r, c) = r * 3 + c + 1; every cell shown but (1, 1) = 5 and (2, 2) = 9; both found
        // through a row total and a column total, and the grand total agrees
        DifferencingAttacker attacker = new DifferencingAttacker();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                if (!(row == 1 && column == 1) && !(row == 2 && column == 2)) {
                    attacker.published(List.of(cell(row, column)), row * 3 + column + 1, cell(row, column));
                }
            }
        }
        for (int row = 0; row < 3; row++) {
            attacker.published(List.of(cell(row, 0), cell(row, 1), cell(row, 2)), 3L * (row * 3 + 2), "row " + row);
        }
        for (int column = 0; column < 3; column++) {
            attacker.published(List.of(cell(0, column), cell(1, column), cell(2, column)), 3L * (column + 4), "column " + column);
        }
        attacker.published(grid(3), 45, "total");

        DifferencingAttacker.Deductions deductions = attacker.solve();

        assertThat(deductions.determinedCells()).containsEntry(cell(1, 1), 5L).containsEntry(cell(2, 2), 9L).hasSize(9);
        assertThat(deductions.contradictions()).isEmpty();
    }

    @Test
    void doesNotSolveATableWhoseInteriorIsAllHidden()
    {
        // 2 x 2 table with every margin shown (5, 5 and 5, 5) and every interior cell hidden in [1, 4]: the interior
        // x, 5 - x, 5 - x, x fits any x from 1 to 4, so nothing is determined but the margins
        DifferencingAttacker attacker = new DifferencingAttacker();
        for (String cell : grid(2)) {
            attacker.bounded(List.of(cell), 1, 4, "hidden " + cell);
        }
        attacker.published(List.of(cell(0, 0), cell(0, 1)), 5, "row 0");
        attacker.published(List.of(cell(1, 0), cell(1, 1)), 5, "row 1");
        attacker.published(List.of(cell(0, 0), cell(1, 0)), 5, "column 0");
        attacker.published(List.of(cell(0, 1), cell(1, 1)), 5, "column 1");

        DifferencingAttacker.Deductions deductions = attacker.solve();

        assertThat(deductions.determinedCells()).isEmpty();
        assertThat(deductions.rank()).isEqualTo(3);
        assertThat(deductions.valueOf(List.of(cell(0, 0)))).isEmpty();
        assertThat(deductions.rangeOf(List.of(cell(0, 0)))).containsExactly(1, 4);
        // a row is determined (it is published); the diagonal is not
        assertThat(deductions.valueOf(List.of(cell(0, 0), cell(0, 1)))).hasValue(5);
        assertThat(deductions.valueOf(List.of(cell(0, 0), cell(1, 1)))).isEmpty();
        assertThat(deductions.valueOf(List.of("never named"))).isEmpty();
    }

    @Test
    void solvesWhatNoSingleSubtractionReveals()
    {
        // x + y = 5, y + z = 7, x + z = 6: no figure minus another gives a cell; solving the three gives 2, 3, 4
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.published(List.of("x", "y"), 5, "x + y");
        attacker.published(List.of("y", "z"), 7, "y + z");
        attacker.published(List.of("x", "z"), 6, "x + z");

        assertThat(attacker.solve().determinedCells()).isEqualTo(Map.of("x", 2L, "y", 3L, "z", 4L));
    }

    @Test
    void aSolutionThatIsNotAnIntegerIsNotReported()
    {
        // x + y = y + z = x + z = 1 has the one solution x = y = z = 1/2: no count fits, and no value is reported
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.published(List.of("x", "y"), 1, "x + y");
        attacker.published(List.of("y", "z"), 1, "y + z");
        attacker.published(List.of("x", "z"), 1, "x + z");
        DifferencingAttacker.Deductions deductions = attacker.solve();
        assertThat(deductions.rank()).isEqualTo(3);
        assertThat(deductions.determinedCells()).isEmpty();
        assertThat(deductions.valueOf(List.of("x"))).isEmpty();
        assertThat(deductions.valueOf(List.of("x", "y", "z"))).isEmpty();
    }

    @Test
    void rangesPinDownCellsThatTheEquationsAloneDoNot()
    {
        // two hidden small cells of at least 1 whose sum is published as 2: both are 1; a zero total makes every cell 0
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.bounded(List.of("a"), 1, 4, "a small");
        attacker.bounded(List.of("b"), 1, 4, "b small");
        attacker.published(List.of("a", "b"), 2, "a + b");
        attacker.published(List.of("c", "d", "e"), 0, "zero row");
        attacker.published(List.of("c", "f"), 3, "c + f");

        assertThat(attacker.solve().determinedCells()).isEqualTo(Map.of("a", 1L, "b", 1L, "c", 0L, "d", 0L, "e", 0L, "f", 3L));
    }

    @Test
    void chainsOfDeductionsAcrossManySteps()
    {
        // x0 = 1, x0 + x1 = 3, x1 + x2 = 5, ...: each x_i is found only after the one before (i + 1 steps)
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.published(List.of("x0"), 1, "x0");
        long previous = 1;
        for (int i = 1; i < 200; i++) {
            long value = (i % 7) + 1;
            attacker.published(List.of("x" + (i - 1), "x" + i), previous + value, "x" + (i - 1) + " + x" + i);
            previous = value;
        }
        Map<String, Long> determined = attacker.solve().determinedCells();
        assertThat(determined).hasSize(200).containsEntry("x0", 1L).containsEntry("x199", (199 % 7) + 1L);
    }

    @Test
    void reportsPublishedFiguresThatContradictEachOther()
    {
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.published(List.of("a", "b"), 10, "total");
        attacker.published(List.of("a"), 4, "a");
        attacker.published(List.of("b"), 7, "b");
        assertThat(attacker.solve().contradictions()).isNotEmpty().contains("total = 10");
    }

    @Test
    void roundedFiguresRevealOnlyRoundedValues()
    {
        // the same Bugesera table after rounding every base cell to base 5 (F 106 -> 105, M 170, U 4 -> 5): every
        // figure is a sum of rounded cells, so the attacker finds the rounded table, never the 4
        DifferencingAttacker attacker = new DifferencingAttacker();
        attacker.published(List.of("F"), 105, "F");
        attacker.published(List.of("M"), 170, "M");
        attacker.published(List.of("U"), 5, "U");
        attacker.published(List.of("F", "M", "U"), 280, "district total");
        attacker.published(List.of("F", "M"), 275, "women_share denominator");
        DifferencingAttacker.Deductions deductions = attacker.solve();
        assertThat(deductions.contradictions()).isEmpty();
        assertThat(deductions.determinedCells()).isEqualTo(Map.of("F", 105L, "M", 170L, "U", 5L));
        OptionalLong unknown = deductions.valueOf(List.of("U"));
        assertThat(unknown).hasValue(5);
    }

    @Test
    void onARandomTableWithSuppressedMarginsEveryValueFoundIsTrueAndSomeSmallCellsAreFound()
    {
        // a 5 x 4 x 3 table of small counts; every margin over up to two of its dimensions is published, with the
        // small ones (1 to 4) hidden as answer-by-answer suppression hides them: the attacker must find hidden small
        // figures, and everything it finds must be the truth
        int[][][] table = randomTable(new Random(14), 5, 4, 3, 7);
        DifferencingAttacker attacker = new DifferencingAttacker();
        Map<List<String>, Long> hiddenSmall = new HashMap<>();
        for (List<String> margin : margins(5, 4, 3)) {
            long value = sum(table, margin);
            if (value >= 1 && value <= 4) {
                attacker.bounded(margin, 1, 4, "hidden " + margin);
                hiddenSmall.put(margin, value);
            }
            else {
                attacker.published(margin, value, "shown " + margin);
            }
        }

        DifferencingAttacker.Deductions deductions = attacker.solve();

        assertThat(deductions.contradictions()).isEmpty();
        deductions.determinedCells().forEach((cell, value) -> assertThat(value).as(cell).isEqualTo(sum(table, List.of(cell))));
        long recovered = hiddenSmall.entrySet().stream()
                .filter(entry -> {
                    OptionalLong found = deductions.valueOf(entry.getKey());
                    found.ifPresent(value -> assertThat(value).as("%s", entry.getKey()).isEqualTo(entry.getValue()));
                    return found.isPresent();
                })
                .count();
        assertThat(recovered).as("hidden small figures worked out, of %d", hiddenSmall.size()).isPositive();
    }

    @Test
    void onTheSameTableRoundedOnceNoSmallCountIsFound()
    {
        // the rule: round every cell once to base 5 (unbiased, seeded), publish every margin as the sum of rounded cells
        int[][][] table = randomTable(new Random(14), 5, 4, 3, 7);
        Random draws = new Random(5);
        int[][][] rounded = new int[5][4][3];
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 3; c++) {
                    int value = table[a][b][c];
                    rounded[a][b][c] = value - value % 5 + (draws.nextDouble() < (value % 5) / 5.0 ? 5 : 0);
                }
            }
        }
        DifferencingAttacker attacker = new DifferencingAttacker();
        List<List<String>> margins = margins(5, 4, 3);
        margins.forEach(margin -> attacker.published(margin, sum(rounded, margin), "shown " + margin));

        DifferencingAttacker.Deductions deductions = attacker.solve();

        assertThat(deductions.contradictions()).isEmpty();
        for (List<String> margin : margins) {
            long exact = sum(table, margin);
            OptionalLong found = deductions.valueOf(margin);
            if (exact >= 1 && exact <= 4 && found.isPresent()) {
                assertThat(found.getAsLong()).as("%s, exactly %d", margin, exact).isNotEqualTo(exact);
            }
        }
        assertThat(deductions.determinedCells()).allSatisfy((cell, value) -> assertThat(value % 5).isZero());
    }

    private static int[][][] randomTable(Random random, int first, int second, int third, int bound)
    {
        int[][][] table = new int[first][second][third];
        for (int a = 0; a < first; a++) {
            for (int b = 0; b < second; b++) {
                for (int c = 0; c < third; c++) {
                    table[a][b][c] = random.nextInt(4) == 0 ? 0 : random.nextInt(bound);
                }
            }
        }
        return table;
    }

    /** Every margin over at most two of the three dimensions: for each, the sets of cells (named "a.b.c") they sum. */
    private static List<List<String>> margins(int first, int second, int third)
    {
        int[] sizes = {first, second, third};
        List<List<String>> margins = new ArrayList<>();
        // a subset of kept dimensions (bit mask) with values for them; the others are summed over
        for (int kept = 0; kept < 8; kept++) {
            if (Integer.bitCount(kept) == 3) {
                continue;
            }
            List<int[]> keys = new ArrayList<>();
            keys.add(new int[] {-1, -1, -1});
            for (int dimension = 0; dimension < 3; dimension++) {
                if ((kept & (1 << dimension)) != 0) {
                    List<int[]> longer = new ArrayList<>();
                    for (int[] key : keys) {
                        for (int value = 0; value < sizes[dimension]; value++) {
                            int[] more = key.clone();
                            more[dimension] = value;
                            longer.add(more);
                        }
                    }
                    keys = longer;
                }
            }
            for (int[] key : keys) {
                List<String> cells = new ArrayList<>();
                for (int a = 0; a < first; a++) {
                    for (int b = 0; b < second; b++) {
                        for (int c = 0; c < third; c++) {
                            if ((key[0] < 0 || key[0] == a) && (key[1] < 0 || key[1] == b) && (key[2] < 0 || key[2] == c)) {
                                cells.add(a + "." + b + "." + c);
                            }
                        }
                    }
                }
                margins.add(cells);
            }
        }
        return margins;
    }

    private static long sum(int[][][] table, List<String> cells)
    {
        long sum = 0;
        for (String cell : cells) {
            String[] parts = cell.split("\\.");
            sum += table[Integer.parseInt(parts[0])][Integer.parseInt(parts[1])][Integer.parseInt(parts[2])];
        }
        return sum;
    }

    private static String cell(int row, int column)
    {
        return "r" + row + "c" + column;
    }

    private static List<String> grid(int size)
    {
        List<String> cells = new ArrayList<>();
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                cells.add(cell(row, column));
            }
        }
        return cells;
    }
}
