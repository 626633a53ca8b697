package org.jijukirwa.generator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An independent reading of data-contract.md for the tests: reads every file
 * of a generated folder, normalises and validates each row, and gives each
 * row its quarantine reasons (all that apply). Reference data come from the
 * project's reference/ folder, not from the generator's code.
 */
final class ContractChecker
{
    static final ZoneId KIGALI = ZoneId.of("Africa/Kigali");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DAY_MONTH_YEAR_DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
    private static final Pattern OFFSET_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> SEXES_F = Set.of("f", "female", "woman", "gore", "umugore");
    private static final Set<String> SEXES_M = Set.of("m", "male", "man", "gabo", "umugabo");
    private static final Set<String> BOOLEANS = Set.of("yes", "no", "true", "false", "1", "0", "yego", "oya");
    static final Map<String, List<String>> COLUMNS = Map.of(
            "cooperatives", List.of("cooperative_id", "cooperative_name", "district", "sector", "value_chain", "formed_on", "applied_on",
                    "registered_on", "rca_certificate_no", "bdc_linked_on", "union_affiliated_on", "updated_at"),
            "members", List.of("member_id", "cooperative_id", "national_id", "full_name", "phone", "sex", "birth_year", "disability",
                    "joined_on", "left_on", "updated_at"),
            "trainings", List.of("session_id", "held_on", "district", "topic", "cooperative_id", "member_id", "attendee_role", "facilitator",
                    "updated_at"),
            "coaching", List.of("visit_id", "cooperative_id", "visited_on", "coach", "topics", "maturity_score", "follow_up_due", "notes",
                    "updated_at"));
    static final List<String> DATASETS = List.of("cooperatives", "members", "trainings", "coaching");

    /** One row as read: contract values (trimmed, null when missing) and its reasons; raw values keep the text as written. */
    record Row(String dataset, String file, Map<String, String> values, Map<String, String> raw, List<String> reasons)
    {
        String value(String column)
        {
            return values.get(column);
        }

        boolean isValid()
        {
            return reasons.isEmpty();
        }
    }

    record Report(List<Row> rows, Map<String, List<String>> headers)
    {
        List<Row> rows(String dataset)
        {
            return rows.stream().filter(row -> row.dataset().equals(dataset)).toList();
        }

        List<Row> validRows(String dataset)
        {
            return rows(dataset).stream().filter(Row::isValid).toList();
        }

        /** file -> reason -> rows */
        Map<String, Map<String, Long>> reasonsByFile()
        {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            for (Row row : rows) {
                Map<String, Long> reasons = counts.computeIfAbsent(row.file(), file -> new TreeMap<>());
                row.reasons().forEach(reason -> reasons.merge(reason, 1L, Long::sum));
            }
            return counts;
        }
    }

    private final LocalDate asOf;
    private final Map<String, String> districtCodes = new HashMap<>();
    private final Map<String, String> valueChains = new HashMap<>();
    private final Set<String> topics = new HashSet<>();

    ContractChecker(Path referenceFolder, LocalDate asOf)
            throws IOException
    {
        this.asOf = asOf;
        for (CsvTestReader.Record record : CsvTestReader.read(referenceFolder.resolve("districts.csv")).records()) {
            districtCodes.put(record.fields().get(0), record.fields().get(0));
            districtCodes.put(record.fields().get(1).toLowerCase(Locale.ROOT), record.fields().get(0));
        }
        for (CsvTestReader.Record record : CsvTestReader.read(referenceFolder.resolve("value_chains.csv")).records()) {
            valueChains.put(record.fields().get(0).toLowerCase(Locale.ROOT), record.fields().get(0));
            valueChains.put(record.fields().get(1).toLowerCase(Locale.ROOT), record.fields().get(0));
        }
        for (CsvTestReader.Record record : CsvTestReader.read(referenceFolder.resolve("topics.csv")).records()) {
            topics.add(record.fields().get(0));
        }
    }

    Report check(Path root)
            throws IOException
    {
        List<Row> rows = new ArrayList<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Set<String> acceptedCooperatives = new HashSet<>();
        for (String dataset : DATASETS) {
            List<Path> paths;
            try (Stream<Path> children = Files.list(root.resolve(dataset))) {
                paths = children.sorted().toList();
            }
            for (Path path : paths) {
                String file = dataset + "/" + path.getFileName();
                List<Row> fileRows = path.toString().endsWith(".jsonl") ? readJsonLines(dataset, file, path) : readCsv(dataset, file, path, headers);
                for (Row row : fileRows) {
                    if (row.reasons().isEmpty()) {
                        validate(row, acceptedCooperatives);
                    }
                    if (dataset.equals("cooperatives") && row.reasons().isEmpty()) {
                        acceptedCooperatives.add(row.value("cooperative_id"));
                    }
                }
                rows.addAll(fileRows);
            }
        }
        return new Report(rows, headers);
    }

    private List<Row> readCsv(String dataset, String file, Path path, Map<String, List<String>> headers)
            throws IOException
    {
        CsvTestReader.Table table = CsvTestReader.read(path);
        headers.put(file, table.header());
        List<String> header = table.header().stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
        for (String column : COLUMNS.get(dataset)) {
            if (!header.contains(column)) {
                throw new IllegalStateException(file + " lacks column " + column);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvTestReader.Record record : table.records()) {
            Map<String, String> raw = new LinkedHashMap<>();
            Map<String, String> values = new LinkedHashMap<>();
            List<String> reasons = new ArrayList<>();
            if (record.fields().size() != header.size()) {
                reasons.add("malformed_row");
            }
            else {
                for (String column : COLUMNS.get(dataset)) {
                    String text = record.fields().get(header.indexOf(column));
                    raw.put(column, text);
                    values.put(column, text.trim().isEmpty() ? null : text.trim());
                }
            }
            rows.add(new Row(dataset, file, values, raw, reasons));
        }
        return rows;
    }

    private List<Row> readJsonLines(String dataset, String file, Path path)
            throws IOException
    {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            Map<String, String> raw = new LinkedHashMap<>();
            Map<String, String> values = new LinkedHashMap<>();
            List<String> reasons = new ArrayList<>();
            try {
                if (!(JsonTestReader.parse(line) instanceof Map<?, ?> object)) {
                    throw new IllegalArgumentException("not an object");
                }
                for (String column : COLUMNS.get(dataset)) {
                    Object value = object.get(column);
                    String text = value == null ? null : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
                    raw.put(column, text);
                    values.put(column, text == null || text.trim().isEmpty() ? null : text.trim());
                }
            }
            catch (IllegalArgumentException e) {
                reasons.add("malformed_row");
            }
            rows.add(new Row(dataset, file, values, raw, reasons));
        }
        return rows;
    }

    private void validate(Row row, Set<String> acceptedCooperatives)
    {
        List<String> reasons = row.reasons();
        Map<String, String> values = row.values();
        switch (row.dataset()) {
            case "cooperatives" -> {
                required(values, reasons, "cooperative_id", "district", "value_chain", "formed_on");
                district(values, reasons, "district");
                if (values.get("value_chain") != null && !valueChains.containsKey(values.get("value_chain").toLowerCase(Locale.ROOT))) {
                    reasons.add("unknown_value_chain");
                }
                dates(values, reasons, "formed_on", "applied_on", "registered_on", "bdc_linked_on", "union_affiliated_on", "updated_at");
                order(values, reasons, "registered_on", "formed_on");
                order(values, reasons, "applied_on", "formed_on");
            }
            case "members" -> {
                required(values, reasons, "member_id", "cooperative_id", "joined_on");
                String sex = values.get("sex");
                if (sex != null && !SEXES_F.contains(sex.toLowerCase(Locale.ROOT)) && !SEXES_M.contains(sex.toLowerCase(Locale.ROOT))) {
                    reasons.add("invalid_value:sex");
                }
                dates(values, reasons, "joined_on", "left_on", "updated_at");
                String birthYear = values.get("birth_year");
                if (birthYear != null) {
                    LocalDate joinedOn = parseDate(values.get("joined_on"));
                    boolean valid = birthYear.matches("\\d{4}")
                            && Integer.parseInt(birthYear) >= 1920 && Integer.parseInt(birthYear) <= asOf.getYear()
                            && (joinedOn == null || joinedOn.getYear() - Integer.parseInt(birthYear) >= 16);
                    if (!valid) {
                        reasons.add("invalid_value:birth_year");
                    }
                }
                String disability = values.get("disability");
                if (disability != null && !BOOLEANS.contains(disability.toLowerCase(Locale.ROOT))) {
                    reasons.add("invalid_value:disability");
                }
                order(values, reasons, "left_on", "joined_on");
                cooperative(values, reasons, acceptedCooperatives);
            }
            case "trainings" -> {
                required(values, reasons, "session_id", "held_on", "district", "topic", "cooperative_id");
                district(values, reasons, "district");
                if (values.get("topic") != null && !topics.contains(values.get("topic"))) {
                    reasons.add("unknown_topic");
                }
                dates(values, reasons, "held_on", "updated_at");
                cooperative(values, reasons, acceptedCooperatives);
            }
            case "coaching" -> {
                required(values, reasons, "visit_id", "cooperative_id", "visited_on");
                dates(values, reasons, "visited_on", "follow_up_due", "updated_at");
                String topicList = values.get("topics");
                if (topicList != null && !topics.containsAll(List.of(topicList.split("[;\\s]+")))) {
                    reasons.add("unknown_topic");
                }
                String score = values.get("maturity_score");
                if (score != null && !(score.matches("\\d{1,3}") && Integer.parseInt(score) <= 100)) {
                    reasons.add("invalid_value:maturity_score");
                }
                cooperative(values, reasons, acceptedCooperatives);
            }
            default -> throw new IllegalArgumentException(row.dataset());
        }
    }

    String districtCode(String value)
    {
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(" district")) {
            name = name.substring(0, name.length() - " district".length()).trim();
        }
        if (name.startsWith("akarere ka ")) {
            name = name.substring("akarere ka ".length()).trim();
        }
        return districtCodes.get(name);
    }

    String valueChainCode(String value)
    {
        return valueChains.get(value.trim().toLowerCase(Locale.ROOT));
    }

    static char sex(String value)
    {
        if (value == null) {
            return 'U';
        }
        return SEXES_F.contains(value.toLowerCase(Locale.ROOT)) ? 'F' : 'M';
    }

    /** A date in one of the accepted forms, as a Kigali calendar date; null when it is in none of them. */
    static LocalDate parseDate(String text)
    {
        if (text == null) {
            return null;
        }
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (DAY_MONTH_YEAR_DATE.matcher(text).matches()) {
                return LocalDate.parse(text, DAY_MONTH_YEAR);
            }
            if (OFFSET_DATE_TIME.matcher(text).matches()) {
                return OffsetDateTime.parse(text).atZoneSameInstant(KIGALI).toLocalDate();
            }
            if (LOCAL_DATE_TIME.matcher(text).matches()) {
                return LocalDateTime.parse(text).toLocalDate();
            }
        }
        catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static void required(Map<String, String> values, List<String> reasons, String... columns)
    {
        for (String column : columns) {
            if (values.get(column) == null) {
                reasons.add("missing_required:" + column);
            }
        }
    }

    private void district(Map<String, String> values, List<String> reasons, String column)
    {
        if (values.get(column) != null && districtCode(values.get(column)) == null) {
            reasons.add("unknown_district");
        }
    }

    private void dates(Map<String, String> values, List<String> reasons, String... columns)
    {
        for (String column : columns) {
            String text = values.get(column);
            if (text == null) {
                continue;
            }
            LocalDate date = parseDate(text);
            if (date == null) {
                reasons.add("invalid_date:" + column);
            }
            else if (date.isAfter(asOf)) {
                reasons.add("date_in_future:" + column);
            }
        }
    }

    private static void order(Map<String, String> values, List<String> reasons, String later, String earlier)
    {
        LocalDate laterDate = parseDate(values.get(later));
        LocalDate earlierDate = parseDate(values.get(earlier));
        if (laterDate != null && earlierDate != null && laterDate.isBefore(earlierDate)) {
            reasons.add("date_order:" + later);
        }
    }

    private static void cooperative(Map<String, String> values, List<String> reasons, Set<String> acceptedCooperatives)
    {
        String cooperative = values.get("cooperative_id");
        if (cooperative != null && !acceptedCooperatives.contains(cooperative)) {
            reasons.add("unknown_cooperative");
        }
    }
}
