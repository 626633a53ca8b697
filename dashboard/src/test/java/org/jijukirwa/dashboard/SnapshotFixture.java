package org.jijukirwa.dashboard;

import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Builds a snapshot folder the way the ingest publishes one: every {@link Table} as Parquet written by
 * DuckDB with exactly the layout's columns and types, the manifest, a run report, then CURRENT through
 * {@link WarehouseDirectory#publish}. Reference data (30 districts, value chains, topics, targets) is
 * always written; records are added one by one.
 */
final class SnapshotFixture
{
    /** NISR code, district, province code, province. */
    static final List<List<String>> DISTRICTS = List.of(
            List.of("11", "Nyarugenge", "1", "Kigali City"), List.of("12", "Gasabo", "1", "Kigali City"), List.of("13", "Kicukiro", "1", "Kigali City"),
            List.of("21", "Nyanza", "2", "Southern"), List.of("22", "Gisagara", "2", "Southern"), List.of("23", "Nyaruguru", "2", "Southern"),
            List.of("24", "Huye", "2", "Southern"), List.of("25", "Nyamagabe", "2", "Southern"), List.of("26", "Ruhango", "2", "Southern"),
            List.of("27", "Muhanga", "2", "Southern"), List.of("28", "Kamonyi", "2", "Southern"),
            List.of("31", "Karongi", "3", "Western"), List.of("32", "Rutsiro", "3", "Western"), List.of("33", "Rubavu", "3", "Western"),
            List.of("34", "Nyabihu", "3", "Western"), List.of("35", "Ngororero", "3", "Western"), List.of("36", "Rusizi", "3", "Western"),
            List.of("37", "Nyamasheke", "3", "Western"),
            List.of("41", "Rulindo", "4", "Northern"), List.of("42", "Gakenke", "4", "Northern"), List.of("43", "Musanze", "4", "Northern"),
            List.of("44", "Burera", "4", "Northern"), List.of("45", "Gicumbi", "4", "Northern"),
            List.of("51", "Rwamagana", "5", "Eastern"), List.of("52", "Nyagatare", "5", "Eastern"), List.of("53", "Gatsibo", "5", "Eastern"),
            List.of("54", "Kayonza", "5", "Eastern"), List.of("55", "Kirehe", "5", "Eastern"), List.of("56", "Ngoma", "5", "Eastern"),
            List.of("57", "Bugesera", "5", "Eastern"));

    private static final List<List<String>> VALUE_CHAINS = List.of(
            List.of("tailoring", "Tailoring and garment making"), List.of("hairdressing", "Hairdressing and beauty"),
            List.of("carpentry", "Carpentry and joinery"), List.of("welding", "Welding and metal fabrication"),
            List.of("masonry", "Masonry and construction"), List.of("moto_transport", "Motorcycle taxi transport"),
            List.of("bicycle_transport", "Bicycle transport"), List.of("handcraft", "Handcraft and basket weaving"),
            List.of("food_processing", "Food processing"), List.of("catering", "Catering and food vending"),
            List.of("mechanics", "Vehicle mechanics"), List.of("electronics_repair", "Electrical and electronics repair"),
            List.of("shoe_making", "Leather and shoe making"), List.of("small_trade", "Small-scale retail trade"),
            List.of("produce_vending", "Agricultural produce vending"));

    private static final List<String> TOPICS = List.of("cooperative_principles", "governance", "business_plan", "market_opportunities",
            "financial_management", "labour_union", "osh", "rights_and_laws", "leadership", "record_keeping", "savings_credit");

    private static final int ROWS_PER_INSERT = 500;

    private final LocalDate asOf;
    private final Map<Table, List<List<Object>>> rows = new EnumMap<>(Table.class);
    private int memberCount;

    private SnapshotFixture(LocalDate asOf)
    {
        this.asOf = requireNonNull(asOf, "asOf is null");
        for (Table table : Table.values()) {
            rows.put(table, new ArrayList<>());
        }
        for (List<String> district : DISTRICTS) {
            add(Table.DISTRICTS, district.get(0), district.get(1), district.get(2), district.get(3));
            add(Table.TARGETS, "coops_formed", district.get(0), 29.0);
            add(Table.TARGETS, "training_sessions", district.get(0), 3.0);
        }
        add(Table.TARGETS, "coops_registered", null, 214.0);
        VALUE_CHAINS.forEach(valueChain -> add(Table.VALUE_CHAINS, valueChain.get(0), valueChain.get(1)));
        TOPICS.forEach(topic -> add(Table.TOPICS, topic, topic.replace('_', ' ')));
    }

    static SnapshotFixture asOf(String asOf)
    {
        return new SnapshotFixture(LocalDate.parse(asOf));
    }

    /**
     * A small programme whose figures the tests work out by hand (as of 2020-06-30):
     * <pre>
     * cooperative     district    formed      registered   members (joined)
     * COOP-GAS-0001   Gasabo      2019-02-10  2019-05-20   3 (2019-03-01)
     * COOP-GAS-0002   Gasabo      2019-04-01  2020-03-15
     * COOP-GAS-0003   Gasabo      2019-11-20  -
     * COOP-KIC-0001   Kicukiro    2019-01-15  2019-08-01   7 (2019-02-01)
     * COOP-NYR-0001   Nyarugenge  2020-02-01  -            6 (2020-02-15)
     * COOP-HUY-0001   Huye        2019-06-10  2019-12-01
     * COOP-HUY-0002   Huye        2020-05-05  -
     * COOP-BUG-0001   Bugesera    2018-11-30  2019-03-01
     * </pre>
     */
    static SnapshotFixture smallProgramme()
    {
        return asOf("2020-06-30")
                .cooperative("COOP-GAS-0001", "12", "tailoring", "2019-02-10", "2019-05-20")
                .cooperative("COOP-GAS-0002", "12", "hairdressing", "2019-04-01", "2020-03-15")
                .cooperative("COOP-GAS-0003", "12", "tailoring", "2019-11-20", null)
                .cooperative("COOP-KIC-0001", "13", "carpentry", "2019-01-15", "2019-08-01")
                .cooperative("COOP-NYR-0001", "11", "welding", "2020-02-01", null)
                .cooperative("COOP-HUY-0001", "24", "tailoring", "2019-06-10", "2019-12-01")
                .cooperative("COOP-HUY-0002", "24", "food_processing", "2020-05-05", null)
                .cooperative("COOP-BUG-0001", "57", "moto_transport", "2018-11-30", "2019-03-01")
                .members("COOP-GAS-0001", 3, "2019-03-01")
                .members("COOP-KIC-0001", 7, "2019-02-01")
                .members("COOP-NYR-0001", 6, "2020-02-15");
    }

    static String districtName(String districtCode)
    {
        return DISTRICTS.stream().filter(district -> district.get(0).equals(districtCode)).findFirst().orElseThrow().get(1);
    }

    /** One more value chain than the contract's fifteen (reference data is editable). */
    SnapshotFixture valueChain(String code, String label)
    {
        add(Table.VALUE_CHAINS, code, label);
        return this;
    }

    /** A cooperative; registeredOn null when not registered. */
    SnapshotFixture cooperative(String cooperativeId, String districtCode, String valueChain, String formedOn, String registeredOn)
    {
        return cooperative(cooperativeId, districtCode, valueChain, LocalDate.parse(formedOn),
                registeredOn == null ? null : LocalDate.parse(registeredOn), null, null);
    }

    /** A cooperative with every milestone of the formalisation funnel; a null date is a milestone not reached. */
    SnapshotFixture cooperative(String cooperativeId, String districtCode, String valueChain, LocalDate formedOn, LocalDate registeredOn,
            LocalDate bdcLinkedOn, LocalDate unionAffiliatedOn)
    {
        add(Table.COOPERATIVES, cooperativeId, "Cooperative " + cooperativeId, districtCode, null, valueChain,
                formedOn, null, registeredOn, null, bdcLinkedOn, unionAffiliatedOn, null,
                "cooperatives.csv", (long) rows.get(Table.COOPERATIVES).size() + 2, "fixture");
        return this;
    }

    /** One member; sex F, M or U, birthYear null when unknown, leftOn null while still a member. Returns the member id. */
    String member(String cooperativeId, String sex, Integer birthYear, LocalDate joinedOn, LocalDate leftOn)
    {
        memberCount++;
        String memberId = "MEM-" + memberCount;
        add(Table.MEMBERS, memberId, cooperativeId, String.format("%064x", memberCount), sex, birthYear, false, joinedOn, leftOn, null,
                "members.csv", (long) memberCount + 1, "fixture");
        return memberId;
    }

    /** One attendance of a training session held in a district; memberId null for an attendee who is not a registered member. */
    SnapshotFixture attendance(String sessionId, LocalDate heldOn, String districtCode, String topic, String cooperativeId, String memberId)
    {
        add(Table.TRAININGS, sessionId, heldOn, districtCode, topic, cooperativeId, memberId, "representative", null,
                "trainings.csv", (long) rows.get(Table.TRAININGS).size() + 2, "fixture");
        return this;
    }

    /** One coaching visit. */
    SnapshotFixture visit(String visitId, String cooperativeId, LocalDate visitedOn)
    {
        add(Table.COACHING, visitId, cooperativeId, visitedOn, null, 60, null, null,
                "coaching.csv", (long) rows.get(Table.COACHING).size() + 2, "fixture");
        return this;
    }

    /**
     * A programme the size of the real one, for looking at the pages and timing them (figures are not worked
     * out by hand): 20 to 34 cooperatives in each of the 30 districts formed from 2019 to mid-2021, about half
     * registered, 6 to 20 members each, three training sessions per district, coaching visits; as of 2021-12-31.
     * The same seed gives the same programme.
     */
    static SnapshotFixture realisticProgramme(long seed)
    {
        Random random = new Random(seed);
        SnapshotFixture fixture = asOf("2021-12-31");
        LocalDate start = LocalDate.parse("2019-01-07");
        int visitCount = 0;
        for (List<String> district : DISTRICTS) {
            String code = district.get(0);
            int cooperatives = 20 + random.nextInt(15);
            double drive = 0.12 + random.nextDouble() * 0.3;
            Map<String, LocalDate> formed = new java.util.LinkedHashMap<>();
            for (int number = 1; number <= cooperatives; number++) {
                String cooperativeId = "COOP-%s-%04d".formatted(code, number);
                LocalDate formedOn = start.plusDays(random.nextInt(900));
                formed.put(cooperativeId, formedOn);
                LocalDate registeredOn = random.nextDouble() < drive ? formedOn.plusDays(40 + random.nextInt(300)) : null;
                LocalDate bdcLinkedOn = registeredOn != null && random.nextDouble() < 0.6 ? registeredOn.plusDays(random.nextInt(200)) : null;
                LocalDate unionAffiliatedOn = bdcLinkedOn != null && random.nextDouble() < 0.5 ? bdcLinkedOn.plusDays(random.nextInt(200)) : null;
                String valueChain = VALUE_CHAINS.get((int) Math.floor(Math.pow(random.nextDouble(), 1.6) * VALUE_CHAINS.size())).get(0);
                fixture.cooperative(cooperativeId, code, valueChain, formedOn, registeredOn, bdcLinkedOn, unionAffiliatedOn);
                int members = 6 + random.nextInt(15);
                for (int index = 0; index < members; index++) {
                    double draw = random.nextDouble();
                    String sex = draw < 0.47 ? "F" : draw < 0.97 ? "M" : "U";
                    Integer birthYear = random.nextDouble() < 0.95 ? 1950 + random.nextInt(56) : null;
                    LocalDate joinedOn = formedOn.plusDays(random.nextInt(60));
                    LocalDate leftOn = random.nextDouble() < 0.08 ? joinedOn.plusDays(100 + random.nextInt(400)) : null;
                    fixture.member(cooperativeId, sex, birthYear, joinedOn, leftOn);
                }
                for (int visit = random.nextInt(4); visit > 0; visit--) {
                    visitCount++;
                    fixture.visit("VISIT-%06d".formatted(visitCount), cooperativeId, formedOn.plusDays(20 + random.nextInt(500)));
                }
            }
            int sessions = 2 + random.nextInt(3);
            for (int session = 1; session <= sessions; session++) {
                String sessionId = "TRN-%s-%02d".formatted(code, session);
                LocalDate heldOn = start.plusDays(120 + random.nextInt(850));
                String topic = TOPICS.get(random.nextInt(TOPICS.size()));
                for (Map.Entry<String, LocalDate> cooperative : formed.entrySet()) {
                    if (cooperative.getValue().isBefore(heldOn) && random.nextDouble() < 0.7) {
                        fixture.attendance(sessionId, heldOn, code, topic, cooperative.getKey(), null);
                    }
                }
            }
        }
        return fixture;
    }

    /** {@code count} members of a cooperative who joined on one day and are still members, alternately F and M, born 1990. */
    SnapshotFixture members(String cooperativeId, int count, String joinedOn)
    {
        for (int index = 0; index < count; index++) {
            memberCount++;
            add(Table.MEMBERS, "MEM-" + memberCount, cooperativeId, String.format("%064x", memberCount), memberCount % 2 == 0 ? "M" : "F",
                    1990, false, LocalDate.parse(joinedOn), null, null, "members.csv", (long) memberCount + 1, "fixture");
        }
        return this;
    }

    /**
     * A row the ingest rejected. {@code rawValues} is a DuckDB map literal ({@code {member_id='M-1', phone='0788'}}),
     * {@code reasons} a list literal ({@code [unknown_cooperative, 'invalid_date:joined_on']}).
     */
    SnapshotFixture quarantined(String dataset, String sourceFile, long sourceLine, String rawText, String rawValues, String reasons)
    {
        add(Table.QUARANTINE, dataset, sourceFile, sourceLine, rawText, rawValues, reasons, "fixture", "fixture", sourceFile, sourceLine, 1L);
        return this;
    }

    /** Writes the snapshot as a staging folder, publishes it, and returns its id. */
    String publishTo(Path warehouse)
            throws IOException
    {
        WarehouseDirectory directory = new WarehouseDirectory(warehouse);
        Instant startedAt = Instant.now();
        String snapshotId = WarehouseDirectory.newSnapshotId(startedAt);
        Path staging = directory.staging(snapshotId);
        Files.createDirectories(staging);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table table : Table.values()) {
                writeTable(connection, table, staging.resolve(table.tableName()));
            }
        }
        catch (SQLException e) {
            throw new IOException("cannot write the fixture's tables: " + e.getMessage(), e);
        }
        Instant finishedAt = Instant.now();
        Files.writeString(staging.resolve(WarehouseDirectory.MANIFEST_FILE), """
                {"snapshot_id": "%s", "as_of": "%s", "started_at": "%s", "finished_at": "%s", "layout_version": %d}
                """.formatted(snapshotId, asOf, startedAt, finishedAt, WarehouseDirectory.LAYOUT_VERSION), StandardCharsets.UTF_8);
        Files.writeString(staging.resolve(WarehouseDirectory.RUN_REPORT_FILE), """
                {"snapshot_id": "%s", "as_of": "%s", "started_at": "%s", "finished_at": "%s",
                 "datasets": {"cooperatives": {"files": [{"file": "cooperatives.csv", "rows_read": %d, "accepted": %d, "quarantined": {}, "unchanged": 0}]},
                              "members": {"files": [{"file": "members.csv", "rows_read": %d, "accepted": %d, "quarantined": {}, "unchanged": 0}]}}}
                """.formatted(snapshotId, asOf, startedAt, finishedAt,
                rows.get(Table.COOPERATIVES).size(), rows.get(Table.COOPERATIVES).size(),
                rows.get(Table.MEMBERS).size(), rows.get(Table.MEMBERS).size()), StandardCharsets.UTF_8);
        directory.publish(snapshotId);
        return snapshotId;
    }

    private void add(Table table, Object... values)
    {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table + " has " + table.columns().size() + " columns, not " + values.length);
        }
        rows.get(table).add(Arrays.asList(values));
    }

    private void writeTable(Connection connection, Table table, Path folder)
            throws SQLException, IOException
    {
        Files.createDirectories(folder);
        String name = "fixture_" + table.tableName();
        String columns = table.columns().stream().map(column -> column.name() + " " + column.duckdbType()).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + name + " (" + columns + ")");
        }
        // many rows per statement: DuckDB runs a JDBC batch one row at a time, which makes a large fixture slow
        // each value cast to its column's type, so that lists and maps can be given as DuckDB literals
        String rowPlaceholders = table.columns().stream().map(column -> "cast(? as " + column.duckdbType() + ")").collect(Collectors.joining(", ", "(", ")"));
        List<List<Object>> tableRows = rows.get(table);
        for (int first = 0; first < tableRows.size(); first += ROWS_PER_INSERT) {
            List<List<Object>> chunk = tableRows.subList(first, Math.min(tableRows.size(), first + ROWS_PER_INSERT));
            String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), rowPlaceholders));
            try (PreparedStatement insert = connection.prepareStatement("insert into " + name + " values " + values)) {
                int parameter = 1;
                for (List<Object> row : chunk) {
                    for (Object value : row) {
                        insert.setObject(parameter++, value);
                    }
                }
                insert.executeUpdate();
            }
        }
        String path = folder.resolve("part-0.parquet").toString().replace("'", "''");
        try (Statement statement = connection.createStatement()) {
            statement.execute("copy (select " + String.join(", ", table.columnNames()) + " from " + name + ") to '" + path + "' (format parquet)");
        }
    }
}
