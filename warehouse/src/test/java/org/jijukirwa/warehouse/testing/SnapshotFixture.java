package org.jijukirwa.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jijukirwa.layout.SnapshotManifest;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;

/**
 * The one snapshot fixture of the warehouse's and the dashboard's tests (the warehouse's test-jar): writes a
 * snapshot as the ingest would, without Spark, with one Parquet file per layout table with exactly the layout's
 * columns and types (written by DuckDB's COPY), a manifest and a run report, published through
 * {@link WarehouseDirectory}. Rows are added one by one (dates as yyyy-MM-dd text, null for none, or as dates);
 * {@link #contractReference} starts from the contract's reference data, {@link #smallProgramme} and
 * {@link #realisticProgramme} are whole programmes.
 */
public final class SnapshotFixture
{
    /** NISR code, district, province code, province. */
    public static final List<List<String>> DISTRICTS = List.of(
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
    // snapshot ids sort by start time (to the second): each published fixture starts at least a second after the last
    private static final AtomicReference<Instant> LAST_START = new AtomicReference<>(Instant.EPOCH);

    private final Optional<Path> warehouseRoot;
    private final Map<Table, List<Map<String, Object>>> rows = new EnumMap<>(Table.class);
    private LocalDate asOf = LocalDate.parse("2020-06-30");
    private int memberCount;

    private SnapshotFixture(Optional<Path> warehouseRoot)
    {
        this.warehouseRoot = warehouseRoot;
        for (Table table : Table.values()) {
            rows.put(table, new ArrayList<>());
        }
    }

    /** An empty snapshot (as of 2020-06-30) to be published into a warehouse folder by {@link #publish()}. */
    public static SnapshotFixture in(Path warehouseRoot)
    {
        return new SnapshotFixture(Optional.of(warehouseRoot));
    }

    /** A snapshot as of a date with the contract's reference data: 30 districts, 15 value chains, 11 topics, targets. */
    public static SnapshotFixture contractReference(String asOf)
    {
        SnapshotFixture fixture = new SnapshotFixture(Optional.empty()).asOf(asOf);
        for (List<String> district : DISTRICTS) {
            fixture.district(district.get(0), district.get(1), district.get(2), district.get(3));
            fixture.target("coops_formed", district.get(0), 29.0);
            fixture.target("training_sessions", district.get(0), 3.0);
        }
        fixture.target("coops_registered", null, 214.0);
        VALUE_CHAINS.forEach(valueChain -> fixture.valueChain(valueChain.get(0), valueChain.get(1)));
        TOPICS.forEach(topic -> fixture.topic(topic, topic.replace('_', ' ')));
        return fixture;
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
    public static SnapshotFixture smallProgramme()
    {
        return contractReference("2020-06-30")
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

    public static String districtName(String districtCode)
    {
        return DISTRICTS.stream().filter(district -> district.get(0).equals(districtCode)).findFirst().orElseThrow().get(1);
    }

    /**
     * A programme the size of the real one, for looking at the pages and timing them (figures are not worked
     * out by hand): 20 to 34 cooperatives in each of the 30 districts formed from 2019 to mid-2021, about half
     * registered, 6 to 20 members each, three training sessions per district, coaching visits; as of 2021-12-31.
     * The same seed gives the same programme.
     */
    public static SnapshotFixture realisticProgramme(long seed)
    {
        Random random = new Random(seed);
        SnapshotFixture fixture = contractReference("2021-12-31");
        LocalDate start = LocalDate.parse("2019-01-07");
        int visitCount = 0;
        for (List<String> district : DISTRICTS) {
            String code = district.get(0);
            int cooperatives = 20 + random.nextInt(15);
            double drive = 0.12 + random.nextDouble() * 0.3;
            Map<String, LocalDate> formed = new LinkedHashMap<>();
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

    public SnapshotFixture asOf(String date)
    {
        this.asOf = LocalDate.parse(date);
        return this;
    }

    /** A row of any table: column name -> value; columns left out are null. */
    public SnapshotFixture row(Table table, Map<String, Object> values)
    {
        for (String column : values.keySet()) {
            if (!table.columnNames().contains(column)) {
                throw new IllegalArgumentException(table.tableName() + " has no column " + column);
            }
        }
        rows.get(table).add(new HashMap<>(values));
        return this;
    }

    public SnapshotFixture district(String code, String district, String provinceCode, String province)
    {
        return row(Table.DISTRICTS, Map.of("district_code", code, "district", district, "province_code", provinceCode, "province", province));
    }

    public SnapshotFixture valueChain(String code, String label)
    {
        return row(Table.VALUE_CHAINS, Map.of("value_chain", code, "label", label));
    }

    public SnapshotFixture topic(String code, String label)
    {
        return row(Table.TOPICS, Map.of("topic", code, "label", label));
    }

    /** A target; a null district is a programme-wide one. */
    public SnapshotFixture target(String target, String districtCode, double value)
    {
        Map<String, Object> values = new HashMap<>();
        values.put("target", target);
        values.put("district_code", districtCode);
        values.put("value", value);
        return row(Table.TARGETS, values);
    }

    public SnapshotFixture cooperative(String id, String districtCode, String valueChain, String formedOn, String registeredOn,
            String bdcLinkedOn, String unionAffiliatedOn)
    {
        Map<String, Object> values = provenance();
        values.put("cooperative_id", id);
        values.put("cooperative_name", "Cooperative " + id);
        values.put("district_code", districtCode);
        values.put("value_chain", valueChain);
        values.put("formed_on", date(formedOn));
        values.put("registered_on", date(registeredOn));
        values.put("bdc_linked_on", date(bdcLinkedOn));
        values.put("union_affiliated_on", date(unionAffiliatedOn));
        return row(Table.COOPERATIVES, values);
    }

    public SnapshotFixture member(String id, String cooperativeId, String personKey, String sex, Integer birthYear, String joinedOn, String leftOn)
    {
        Map<String, Object> values = provenance();
        values.put("member_id", id);
        values.put("cooperative_id", cooperativeId);
        values.put("person_key", personKey);
        values.put("sex", sex);
        values.put("birth_year", birthYear);
        values.put("has_disability", false);
        values.put("joined_on", date(joinedOn));
        values.put("left_on", date(leftOn));
        return row(Table.MEMBERS, values);
    }

    public SnapshotFixture attendance(String sessionId, String heldOn, String districtCode, String topic, String cooperativeId, String memberId)
    {
        Map<String, Object> values = provenance();
        values.put("session_id", sessionId);
        values.put("held_on", date(heldOn));
        values.put("district_code", districtCode);
        values.put("topic", topic);
        values.put("cooperative_id", cooperativeId);
        values.put("member_id", memberId);
        values.put("attendee_role", memberId == null ? "representative" : "member");
        return row(Table.TRAININGS, values);
    }

    public SnapshotFixture visit(String visitId, String cooperativeId, String visitedOn)
    {
        Map<String, Object> values = provenance();
        values.put("visit_id", visitId);
        values.put("cooperative_id", cooperativeId);
        values.put("visited_on", date(visitedOn));
        values.put("topics", "[governance, osh]");
        values.put("maturity_score", 50);
        return row(Table.COACHING, values);
    }

    /**
     * A rejected row. {@code rawValues} is DuckDB's map literal ({@code {district='Gasabo', phone='0788'}}) and
     * {@code reasons} its list literal ({@code [unknown_district, 'invalid_date:formed_on']}).
     */
    public SnapshotFixture quarantined(String dataset, String sourceFile, long sourceLine, String rawText, String rawValues, String reasons)
    {
        Map<String, Object> values = new HashMap<>();
        values.put("dataset", dataset);
        values.put("source_file", sourceFile);
        values.put("source_line", sourceLine);
        values.put("raw_text", rawText);
        values.put("raw_values", rawValues);
        values.put("reasons", reasons);
        values.put("ingest_run", "fixture");
        values.put("last_seen_run", "fixture");
        values.put("last_seen_file", sourceFile);
        values.put("last_seen_line", sourceLine);
        values.put("times_seen", 1L);
        return row(Table.QUARANTINE, values);
    }

    /** A cooperative; registeredOn null when not registered. */
    public SnapshotFixture cooperative(String cooperativeId, String districtCode, String valueChain, String formedOn, String registeredOn)
    {
        return cooperative(cooperativeId, districtCode, valueChain, formedOn, registeredOn, null, null);
    }

    /** A cooperative with every milestone of the formalisation funnel; a null date is a milestone not reached. */
    public SnapshotFixture cooperative(String cooperativeId, String districtCode, String valueChain, LocalDate formedOn, LocalDate registeredOn,
            LocalDate bdcLinkedOn, LocalDate unionAffiliatedOn)
    {
        return cooperative(cooperativeId, districtCode, valueChain, text(formedOn), text(registeredOn), text(bdcLinkedOn), text(unionAffiliatedOn));
    }

    /** One member with the next member id (MEM-n); sex F, M or U, birthYear null when unknown, leftOn null while a member. Returns the id. */
    public String member(String cooperativeId, String sex, Integer birthYear, LocalDate joinedOn, LocalDate leftOn)
    {
        memberCount++;
        String memberId = "MEM-" + memberCount;
        member(memberId, cooperativeId, String.format("%064x", memberCount), sex, birthYear, text(joinedOn), text(leftOn));
        return memberId;
    }

    /** One attendance of a training session held in a district; memberId null for an attendee who is not a registered member. */
    public SnapshotFixture attendance(String sessionId, LocalDate heldOn, String districtCode, String topic, String cooperativeId, String memberId)
    {
        return attendance(sessionId, text(heldOn), districtCode, topic, cooperativeId, memberId);
    }

    public SnapshotFixture visit(String visitId, String cooperativeId, LocalDate visitedOn)
    {
        return visit(visitId, cooperativeId, text(visitedOn));
    }

    /** {@code count} members of a cooperative who joined on one day and are still members, alternately F and M, born 1990. */
    public SnapshotFixture members(String cooperativeId, int count, String joinedOn)
    {
        for (int index = 0; index < count; index++) {
            member(cooperativeId, (memberCount + 1) % 2 == 0 ? "M" : "F", 1990, LocalDate.parse(joinedOn), null);
        }
        return this;
    }

    /** Writes, publishes into the folder given to {@link #in} and returns the new snapshot's id. */
    public String publish()
    {
        try {
            return publishTo(warehouseRoot.orElseThrow(() -> new IllegalStateException("no warehouse folder: use publishTo")));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the snapshot as a staging folder of a warehouse folder, publishes it, and returns its id. */
    public String publishTo(Path warehouse)
            throws IOException
    {
        WarehouseDirectory directory = new WarehouseDirectory(warehouse);
        Instant startedAt = LAST_START.updateAndGet(last -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            return now.isAfter(last) ? now : last.plusSeconds(1);
        });
        Instant finishedAt = startedAt.plusMillis(500);
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
        new SnapshotManifest(snapshotId, asOf, startedAt, finishedAt, WarehouseDirectory.LAYOUT_VERSION, Optional.empty(), new TreeMap<>())
                .write(staging.resolve(WarehouseDirectory.MANIFEST_FILE));
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

    private void writeTable(Connection connection, Table table, Path folder)
            throws SQLException, IOException
    {
        Files.createDirectories(folder);
        String name = "fixture_" + table.tableName();
        List<Table.Column> columns = table.columns();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + name + " ("
                    + columns.stream().map(column -> column.name() + " " + column.duckdbType()).collect(Collectors.joining(", ")) + ")");
        }
        // many rows per statement: DuckDB runs a JDBC batch one row at a time, which makes a large fixture slow;
        // each value cast to its column's type, so that lists and maps can be given as DuckDB literals
        String rowPlaceholders = columns.stream().map(column -> "cast(? as " + column.duckdbType() + ")").collect(Collectors.joining(", ", "(", ")"));
        List<Map<String, Object>> tableRows = rows.get(table);
        for (int first = 0; first < tableRows.size(); first += ROWS_PER_INSERT) {
            List<Map<String, Object>> chunk = tableRows.subList(first, Math.min(tableRows.size(), first + ROWS_PER_INSERT));
            String values = String.join(", ", Collections.nCopies(chunk.size(), rowPlaceholders));
            try (PreparedStatement insert = connection.prepareStatement("insert into " + name + " values " + values)) {
                int parameter = 1;
                for (Map<String, Object> row : chunk) {
                    for (Table.Column column : columns) {
                        insert.setObject(parameter++, row.get(column.name()));
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

    private static Map<String, Object> provenance()
    {
        Map<String, Object> values = new HashMap<>();
        values.put("updated_at", "2020-06-01T08:00:00Z");
        values.put("source_file", "fixture.csv");
        values.put("source_line", 1L);
        values.put("ingest_run", "fixture");
        return values;
    }

    private static LocalDate date(String text)
    {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String text(LocalDate date)
    {
        return date == null ? null : date.toString();
    }
}
