package org.jijukirwa.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.snapshot.LoadedSnapshot;
import org.jijukirwa.warehouse.snapshot.SnapshotLoader;
import org.jijukirwa.warehouse.testing.ProgrammeFixture;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.warehouse.testing.Rows.ask;

/**
 * The member indicators come from per-snapshot aggregates (cells of member dimensions, monthly states and
 * daily changes, the memberships of persons with several). Checked here against the definitions of
 * indicators.md written directly over the row-level memberships, on random messy memberships: joins before
 * the cooperative was formed, leaving on the day of joining, registration inside a span, birthdays across
 * band boundaries, persons in several cooperatives and districts, dates before, between and after all changes.
 */
class MemberAggregatesTest
{
    private static final List<String> DISTRICT_CODES = List.of("11", "12", "21", "24", "31");
    private static final List<String> VALUE_CHAINS = List.of("tailoring", "hairdressing", "carpentry");
    private static final List<String> SEXES = List.of("F", "F", "M", "M", "U");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2016-01-01");
    private static final int DAYS = 365 * 6;

    /** The definitions, over one row per member of fct_memberships, for the date D given as parameter 1. */
    private static final String DEFINITIONS = """
            select
                %s as cell,
                count(*) as active,
                count(*) filter (where cooperative_registered_on <= ?) as registered,
                count(*) filter (where sex = 'F') as women,
                count(*) filter (where sex in ('F', 'M')) as women_or_men,
                count(*) filter (where year(?) - birth_year between 16 and 30) as youth,
                count(*) filter (where birth_year is not null) as with_birth_year,
                count(distinct person_identity) as persons
            from fct_memberships
            where joined_on <= ? and (left_on is null or left_on > ?) and cooperative_formed_on <= ?
            group by all
            """;

    private static final String AGE_BAND = """
            case
                when birth_year is null then 'unknown'
                when year(?) - birth_year between 16 and 30 then '16-30'
                when year(?) - birth_year between 31 and 45 then '31-45'
                when year(?) - birth_year between 46 and 60 then '46-60'
                when year(?) - birth_year >= 61 then '61+'
                else 'unknown'
            end""";

    /** By-dimensions to compare, each with the SQL of its cell key over fct_memberships. */
    private static final Map<String, String> BREAKDOWNS = new LinkedHashMap<>();

    static {
        BREAKDOWNS.put("", "'all'");
        BREAKDOWNS.put("district", "district");
        BREAKDOWNS.put("province,sex", "concat_ws('|', province, sex)");
        BREAKDOWNS.put("age_band", "(" + AGE_BAND + ")");
        BREAKDOWNS.put("district,value_chain,sex,age_band", "concat_ws('|', district, value_chain, sex, " + AGE_BAND + ")");
    }

    @TempDir
    static Path root;

    private static Warehouse warehouse;
    private static LoadedSnapshot rowLevel;

    @BeforeAll
    static void publishRandomMemberships()
    {
        Random random = new Random(20261128);
        SnapshotFixture fixture = ProgrammeFixture.reference(SnapshotFixture.in(root).asOf("2024-12-31"));
        List<String> cooperatives = new ArrayList<>();
        for (int index = 0; index < 15; index++) {
            String id = "C" + index;
            LocalDate formedOn = day(random, 0, DAYS - 200);
            // a third never registered, the others some days to years after forming
            String registeredOn = index % 3 == 0 ? null : formedOn.plusDays(random.nextInt(900)).toString();
            fixture.cooperative(id, DISTRICT_CODES.get(index % DISTRICT_CODES.size()), VALUE_CHAINS.get(index % VALUE_CHAINS.size()),
                    formedOn.toString(), null, registeredOn, null);
            cooperatives.add(id);
        }
        for (int index = 0; index < 700; index++) {
            // some join before their cooperative is formed; some leave on the day they join, most never
            LocalDate joinedOn = day(random, -100, DAYS);
            String leftOn = switch (random.nextInt(4)) {
                case 0 -> joinedOn.plusDays(random.nextInt(1200)).toString();
                case 1 -> random.nextInt(10) == 0 ? joinedOn.toString() : null;
                default -> null;
            };
            // 30% without a national id; the rest drawn from a pool, so some persons hold several memberships
            String personKey = random.nextInt(10) < 3 ? null : "P" + random.nextInt(450);
            Integer birthYear = random.nextInt(12) == 0 ? null : 1940 + random.nextInt(75);
            fixture.member("M" + index, cooperatives.get(random.nextInt(cooperatives.size())), personKey,
                    SEXES.get(random.nextInt(SEXES.size())), birthYear, joinedOn.toString(), leftOn);
        }
        String snapshotId = fixture.publish();
        warehouse = Warehouse.open(root, WarehouseSettings.defaults());
        rowLevel = SnapshotLoader.load(new WarehouseDirectory(root), snapshotId);
    }

    @AfterAll
    static void close()
    {
        warehouse.close();
        rowLevel.release();
    }

    @Test
    void memberIndicatorsMatchTheirDefinitionsOnEveryKindOfDate()
            throws SQLException
    {
        List<LocalDate> dates = new ArrayList<>(List.of(
                LocalDate.parse("2015-03-31"),   // before every membership
                LocalDate.parse("2016-01-01"),
                LocalDate.parse("2018-12-31"),   // the last day of a band
                LocalDate.parse("2019-01-01"),   // the first day of the next
                LocalDate.parse("2020-02-29"),
                LocalDate.parse("2021-07-15"),   // inside a month
                LocalDate.parse("2024-12-31"),
                LocalDate.parse("2031-06-15"))); // after every change
        Random random = new Random(7);
        for (int index = 0; index < 12; index++) {
            dates.add(day(random, 0, DAYS + 200));
        }
        int comparedCells = 0;
        for (LocalDate date : dates) {
            for (Map.Entry<String, String> breakdown : BREAKDOWNS.entrySet()) {
                Map<String, long[]> expected = definitions(breakdown.getValue(), date);
                String query = "as_of=" + date + (breakdown.getKey().isEmpty() ? "" : "&by=" + breakdown.getKey());
                String context = date + " by " + breakdown.getKey();
                assertThat(numbers(ask(warehouse, "members_active", query), false)).as(context).isEqualTo(column(expected, 0, 0));
                assertThat(numbers(ask(warehouse, "member_formalisation_rate", query), true)).as(context).isEqualTo(column(expected, 1, 0));
                assertThat(numbers(ask(warehouse, "women_share", query), true)).as(context).isEqualTo(column(expected, 2, 3));
                assertThat(numbers(ask(warehouse, "youth_share", query), true)).as(context).isEqualTo(column(expected, 4, 5));
                assertThat(numbers(ask(warehouse, "persons_reached", query), false)).as(context).isEqualTo(column(expected, 6, 6));
                comparedCells += expected.size();
            }
        }
        // the comparison is not empty: most dates have members in many cells
        assertThat(comparedCells).isGreaterThan(1000);
    }

    @Test
    void aQuarterlySeriesMatchesTheDefinitionAtEachQuarterEnd()
            throws SQLException
    {
        IndicatorAnswer series = ask(warehouse, "persons_reached", "from=2016-01-01&to=2021-08-20&grain=quarter&by=age_band");
        Map<String, Long> answered = new TreeMap<>();
        for (AnswerRow row : series.rows()) {
            answered.put(row.cells().get("period") + "|" + row.cells().get("age_band"), row.numerator().longValue());
        }
        Map<String, Long> expected = new TreeMap<>();
        for (LocalDate quarterStart = LocalDate.parse("2016-01-01"); quarterStart.isBefore(LocalDate.parse("2021-08-21")); quarterStart = quarterStart.plusMonths(3)) {
            // the last quarter ends at the range's end
            LocalDate end = quarterStart.plusMonths(3).minusDays(1);
            LocalDate date = end.isAfter(LocalDate.parse("2021-08-20")) ? LocalDate.parse("2021-08-20") : end;
            String period = quarterStart.getYear() + "-Q" + (quarterStart.getMonthValue() / 3 + 1);
            definitions(BREAKDOWNS.get("age_band"), date).forEach((band, numbers) -> {
                if (numbers[6] != 0) {
                    expected.put(period + "|" + band, numbers[6]);
                }
            });
        }
        assertThat(answered).isEqualTo(expected);
    }

    /** Cell key -> the seven counts of {@link #DEFINITIONS}, cells with no active member left out. */
    private static Map<String, long[]> definitions(String cellSql, LocalDate date)
            throws SQLException
    {
        String sql = DEFINITIONS.formatted(cellSql);
        Map<String, long[]> cells = new TreeMap<>();
        try (Connection connection = rowLevel.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int index = 1; index <= parameters; index++) {
                statement.setObject(index, date);
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    long[] numbers = new long[7];
                    for (int column = 0; column < 7; column++) {
                        numbers[column] = resultSet.getLong(column + 2);
                    }
                    cells.put(resultSet.getString(1), numbers);
                }
            }
        }
        return cells;
    }

    /** Cell key -> "numerator/denominator" of the expected counts, leaving out cells where both are 0 (as the API does). */
    private static Map<String, String> column(Map<String, long[]> cells, int numerator, int denominator)
    {
        Map<String, String> numbers = new TreeMap<>();
        cells.forEach((cell, counts) -> {
            if (counts[numerator] != 0 || counts[denominator] != 0) {
                numbers.put(cell, counts[numerator] + "/" + counts[denominator]);
            }
        });
        return numbers;
    }

    /** Cell key -> "numerator/denominator" of an answer; a count's denominator is its numerator. */
    private static Map<String, String> numbers(IndicatorAnswer answer, boolean rate)
    {
        Map<String, String> numbers = new TreeMap<>();
        for (AnswerRow row : answer.rows()) {
            String cell = row.cells().isEmpty() ? "all" : String.join("|", row.cells().values());
            long numerator = row.numerator().longValue();
            numbers.put(cell, numerator + "/" + (rate ? row.denominator().longValue() : numerator));
        }
        return numbers;
    }

    private static LocalDate day(Random random, int fromDay, int toDay)
    {
        return FIRST_DAY.plusDays(fromDay + random.nextInt(toDay - fromDay));
    }
}
