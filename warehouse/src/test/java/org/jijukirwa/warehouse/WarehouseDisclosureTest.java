package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.disclosure.CountRounding;
import org.jijukirwa.warehouse.testing.ExpectedRounding;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.warehouse.answer.Audience.MANAGER;
import static org.jijukirwa.warehouse.answer.Audience.PUBLIC;
import static org.jijukirwa.warehouse.testing.Rows.ask;
import static org.jijukirwa.warehouse.testing.Rows.count;

/**
 * The disclosure rule as the warehouse applies it (docs/disclosure.md): public answers of the indicators that count
 * people are sums of protected base cells (persons_reached: each answer cell rounded by its canonical cell); managers
 * and every other indicator exact. The expected public figures are worked out here from the manager's exact finest
 * cells and the rounding formula computed in Java ({@link ExpectedRounding}).
 */
class WarehouseDisclosureTest
{
    private static final String SECRET = "warehouse-disclosure-test-secret";

    @TempDir
    static Path root;
    static Warehouse warehouse;
    static Warehouse warehouseWithBaseThree;
    static Warehouse warehouseWithoutSecret;

    @BeforeAll
    static void open()
    {
        ProgrammeFixture.programme(root).publish();
        warehouse = Warehouse.open(root, WarehouseSettings.defaults().withDisclosureSecret(SECRET));
        warehouseWithBaseThree = Warehouse.open(root, new WarehouseSettings(3).withDisclosureSecret(SECRET));
        warehouseWithoutSecret = Warehouse.open(root, WarehouseSettings.defaults());
    }

    @AfterAll
    static void close()
    {
        warehouse.close();
        warehouseWithBaseThree.close();
        warehouseWithoutSecret.close();
    }

    @Test
    void publicMembersAreSumsOfTheRoundedBaseCells()
    {
        for (Warehouse served : List.of(warehouse, warehouseWithBaseThree)) {
            int base = served.suppressionThreshold();
            Map<String, Long> expectedBySex = new TreeMap<>();
            Map<String, long[]> expectedWomenByDistrict = new TreeMap<>();
            long expectedRegistered = 0;
            long expectedActive = 0;
            for (BaseCell cell : baseCells()) {
                long registered = ExpectedRounding.round(SECRET, cell.key("registered"), cell.registered(), base);
                long unregistered = ExpectedRounding.round(SECRET, cell.key("unregistered"), cell.active() - cell.registered(), base);
                expectedBySex.merge(cell.sex(), registered + unregistered, Long::sum);
                long[] women = expectedWomenByDistrict.computeIfAbsent(cell.district(), ignored -> new long[2]);
                women[0] += cell.sex().equals("F") ? registered + unregistered : 0;
                women[1] += cell.sex().equals("F") || cell.sex().equals("M") ? registered + unregistered : 0;
                expectedRegistered += registered;
                expectedActive += registered + unregistered;
            }
            expectedBySex.values().removeIf(value -> value == 0);
            expectedWomenByDistrict.values().removeIf(women -> women[1] == 0);

            List<AnswerRow> bySex = ask(served, "members_active", "by=sex", PUBLIC).rows();
            assertThat(bySex).extracting(row -> row.cells().get("sex"), row -> row.value().longValue())
                    .containsExactlyElementsOf(expectedBySex.entrySet().stream().map(entry -> org.assertj.core.groups.Tuple.tuple(entry.getKey(), entry.getValue())).toList());
            assertThat(bySex).allSatisfy(row -> assertThat(row.value().longValue() % base).isZero());

            List<AnswerRow> women = ask(served, "women_share", "by=district", PUBLIC).rows();
            assertThat(women).extracting(row -> row.cells().get("district"), row -> row.numerator().longValue(), row -> row.denominator().longValue())
                    .containsExactlyElementsOf(expectedWomenByDistrict.entrySet().stream()
                            .map(entry -> org.assertj.core.groups.Tuple.tuple(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList());
            // a public rate is the protected numerator over the protected denominator, never above 1
            assertThat(women).allSatisfy(row -> {
                assertThat(row.value().doubleValue()).isEqualTo((double) row.numerator().longValue() / row.denominator().longValue());
                assertThat(row.value().doubleValue()).isBetween(0.0, 1.0);
            });

            AnswerRow formalisation = ask(served, "member_formalisation_rate", "", PUBLIC).rows().get(0);
            assertThat(formalisation.numerator()).isEqualTo(expectedRegistered);
            assertThat(formalisation.denominator()).isEqualTo(expectedActive);
        }
    }

    @Test
    void publicTablesAddUpAcrossAnswers()
    {
        long total = ask(warehouse, "members_active", "", PUBLIC).rows().stream().mapToLong(row -> row.value().longValue()).sum();
        for (String by : List.of("province", "district", "sex", "age_band", "value_chain", "district,sex")) {
            assertThat(ask(warehouse, "members_active", "by=" + by, PUBLIC).rows().stream().mapToLong(row -> row.value().longValue()).sum())
                    .as("by=%s", by).isEqualTo(total);
        }
        // the women's share's denominator is the public count of women and men
        long womenAndMen = ask(warehouse, "members_active", "by=sex&sex=F,M", PUBLIC).rows().stream().mapToLong(row -> row.value().longValue()).sum();
        assertThat(ask(warehouse, "women_share", "", PUBLIC).rows()).extracting(row -> row.denominator().longValue())
                .containsExactly(womenAndMen);
        // a quarterly series of a stock ends on the stock as of its last day
        List<AnswerRow> series = ask(warehouse, "members_active", "grain=quarter&from=2020-01-01&to=2020-06-30", PUBLIC).rows();
        assertThat(series.get(series.size() - 1).value()).isEqualTo(total);
    }

    @Test
    void publicAttendancesAddUpOverPlacesAndPeriods()
    {
        // by the attendee's cooperative: 2019 S1 3 + S2 1 in Kigali City, S2 1 in Southern; 2020 S4 1 in Kigali City,
        // S3 2 in Southern. Each day's base cell is rounded once: so a range is the sum of its periods and of its places
        String range = "from=2019-01-01&to=2020-06-30";
        List<AnswerRow> total = ask(warehouse, "attendances", range, PUBLIC).rows();
        long whole = total.isEmpty() ? 0 : total.get(0).value().longValue();
        assertThat(whole % 5).isZero();
        assertThat(ask(warehouse, "attendances", range + "&by=province", PUBLIC).rows().stream().mapToLong(row -> row.value().longValue()).sum())
                .isEqualTo(whole);
        List<AnswerRow> quarters = ask(warehouse, "attendances", range + "&grain=quarter&by=topic", PUBLIC).rows();
        assertThat(quarters.stream().mapToLong(row -> row.value().longValue()).sum()).isEqualTo(whole);
        assertThat(quarters).allSatisfy(row -> assertThat(row.value().longValue() % 5).isZero());
        // the same day asked alone gives the same figure as inside the range
        long s1InRange = ask(warehouse, "attendances", "from=2019-03-01&to=2019-03-31", PUBLIC).rows().stream().mapToLong(row -> row.value().longValue()).sum();
        long s1Alone = ask(warehouse, "attendances", "from=2019-03-05&to=2019-03-05", PUBLIC).rows().stream().mapToLong(row -> row.value().longValue()).sum();
        assertThat(s1InRange).isEqualTo(s1Alone);
    }

    @Test
    void personsReachedIsRoundedByItsCanonicalCell()
    {
        // as of 2020-06-30, Kigali City (Gasabo, Nyarugenge) has P1 (M1, M4), M3 (no person id), M5 (no id): 3 persons
        assertThat(ask(warehouse, "persons_reached", "province=Kigali City", MANAGER).rows()).containsExactly(count(3));
        long expected = ExpectedRounding.round(SECRET,
                CountRounding.constrainedCellKey("person_stock", "persons", Map.of("district", List.of("Gasabo", "Nyarugenge"))), 3, 5);
        List<AnswerRow> expectedRows = expected == 0 ? List.of() : List.of(count(expected));
        // the same people described in other words get the same key, so the same figure
        assertThat(ask(warehouse, "persons_reached", "province=Kigali City", PUBLIC).rows()).isEqualTo(expectedRows);
        assertThat(ask(warehouse, "persons_reached", "district=Gasabo,Nyarugenge", PUBLIC).rows()).isEqualTo(expectedRows);
        assertThat(ask(warehouse, "persons_reached", "district=Gasabo,Nyarugenge&sex=F,M,U", PUBLIC).rows()).isEqualTo(expectedRows);
        assertThat(ask(warehouse, "persons_reached", "by=province&province=Kigali City", PUBLIC).rows())
                .extracting(AnswerRow::value).containsExactlyElementsOf(expectedRows.stream().map(AnswerRow::value).toList());
        assertThat(ask(warehouse, "persons_reached", "by=province", PUBLIC).rows())
                .filteredOn(row -> row.cells().get("province").equals("Kigali City"))
                .extracting(AnswerRow::value).containsExactlyElementsOf(expectedRows.stream().map(AnswerRow::value).toList());
    }

    @Test
    void managersSeeExactFigures()
    {
        assertThat(ask(warehouse, "members_active", "by=province", MANAGER).rows()).containsExactly(
                count(4, "province", "Kigali City"),
                count(3, "province", "Southern"));
    }

    @Test
    void cooperativesSessionsAndVisitsAreExactForThePublic()
    {
        for (String indicator : List.of("coops_formed", "formalisation_rate", "training_sessions", "coaching_visits", "median_days_to_registration")) {
            assertThat(ask(warehouse, indicator, "by=district", PUBLIC).rows()).as(indicator)
                    .isEqualTo(ask(warehouse, indicator, "by=district", MANAGER).rows());
        }
    }

    @Test
    void withoutASecretThePublicGetsNoPersonCounts()
    {
        assertThatThrownBy(() -> ask(warehouseWithoutSecret, "members_active", "by=province", PUBLIC))
                .isInstanceOf(DisclosureKeyMissingException.class)
                .hasMessageContaining("jijukirwa.warehouse.disclosure-key-file");
        assertThat(ask(warehouseWithoutSecret, "members_active", "by=province", MANAGER).rows()).hasSize(2);
        assertThat(ask(warehouseWithoutSecret, "coops_formed", "", PUBLIC).rows()).containsExactly(count(6));
    }

    /** A base cell of the members as of the snapshot date, exact, from the manager's finest answer. */
    private record BaseCell(String district, String valueChain, String sex, String ageBand, long registered, long active)
    {
        String key(String measure)
        {
            // the fixture has no member under 16: a birth year exactly when the age band is known
            return CountRounding.cellKey("membership_stock", measure, Map.of("district", district, "value_chain", valueChain, "sex", sex,
                    "age_band", ageBand, "has_birth_year", Boolean.toString(!ageBand.equals("unknown"))));
        }
    }

    private static List<BaseCell> baseCells()
    {
        return ask(warehouse, "member_formalisation_rate", "by=district,value_chain,sex,age_band", MANAGER).rows().stream()
                .map(row -> new BaseCell(row.cells().get("district"), row.cells().get("value_chain"), row.cells().get("sex"), row.cells().get("age_band"),
                        row.numerator().longValue(), row.denominator().longValue()))
                .toList();
    }
}
