package org.jijukirwa.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The current cooperative records of a folder of raw field files, worked out in plain Java from the data
 * contract without any of the ingest's code: a second, independent reading of the same bytes. Only what the
 * cooperative figures need: CSV files (separator detected, quotes, BOM), every rule that can reject a
 * cooperative row, and versions (greatest updated_at wins; on a tie the row read later).
 */
final class RawCooperatives
{
    private static final ZoneId KIGALI = ZoneId.of("Africa/Kigali");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> REQUIRED = List.of("cooperative_id", "district", "value_chain", "formed_on");
    private static final List<String> DATES = List.of("formed_on", "applied_on", "registered_on", "bdc_linked_on", "union_affiliated_on", "updated_at");
    /** Which of two versions of a key wins: the greater updated_at (none sorts first), then the row read later. */
    private static final Comparator<Version> LATEST = Comparator.comparing(Version::updatedAt).thenComparingLong(Version::order);

    /** A cooperative's current record: its province (English name) and its registration date, if any. */
    record Cooperative(String cooperativeId, String province, LocalDate formedOn, Optional<LocalDate> registeredOn)
    {
    }

    private RawCooperatives()
    {
    }

    /**
     * @param folder the cooperatives folder of a raw data set
     * @param referenceFolder the reference CSVs (districts.csv, value_chains.csv)
     */
    static List<Cooperative> current(Path folder, Path referenceFolder, LocalDate asOf)
            throws IOException
    {
        Map<String, String> provinceOfDistrict = new HashMap<>();
        for (Map<String, String> district : records(referenceFolder.resolve("districts.csv"))) {
            provinceOfDistrict.put(district.get("district_code"), district.get("province"));
            provinceOfDistrict.put(district.get("district").toLowerCase(Locale.ROOT), district.get("province"));
        }
        List<String> valueChains = new ArrayList<>();
        for (Map<String, String> valueChain : records(referenceFolder.resolve("value_chains.csv"))) {
            valueChains.add(valueChain.get("value_chain").toLowerCase(Locale.ROOT));
            valueChains.add(valueChain.get("label").toLowerCase(Locale.ROOT));
        }

        Map<String, Version> versions = new LinkedHashMap<>();
        long order = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            for (Map<String, String> row : records(file)) {
                order++;
                Optional<Version> version = accepted(row, provinceOfDistrict, valueChains, asOf, order);
                version.ifPresent(candidate -> versions.merge(candidate.cooperative().cooperativeId(), candidate,
                        (kept, later) -> LATEST.compare(later, kept) > 0 ? later : kept));
            }
        }
        return versions.values().stream().map(Version::cooperative).toList();
    }

    /** A row's record, with what orders the versions of its key. */
    private record Version(Cooperative cooperative, Instant updatedAt, long order)
    {
    }


    /** The row as a version, or empty when the contract rejects it. */
    private static Optional<Version> accepted(Map<String, String> row, Map<String, String> provinceOfDistrict, List<String> valueChains,
            LocalDate asOf, long order)
    {
        if (row == null) {
            return Optional.empty();    // malformed: not as many fields as the header has columns
        }
        for (String column : REQUIRED) {
            if (row.getOrDefault(column, "").isEmpty()) {
                return Optional.empty();
            }
        }
        String district = row.get("district").toLowerCase(Locale.ROOT).replaceFirst("^akarere ka ", "").replaceFirst(" district$", "").trim();
        String province = provinceOfDistrict.get(district);
        if (province == null || !valueChains.contains(row.get("value_chain").toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Map<String, Instant> instants = new HashMap<>();
        for (String column : DATES) {
            String text = row.getOrDefault(column, "");
            if (text.isEmpty()) {
                continue;
            }
            Optional<Instant> instant = instant(text);
            if (instant.isEmpty() || date(instant.get()).isAfter(asOf)) {
                return Optional.empty();
            }
            instants.put(column, instant.get());
        }
        LocalDate formedOn = date(instants.get("formed_on"));
        for (String column : List.of("applied_on", "registered_on")) {
            if (instants.containsKey(column) && date(instants.get(column)).isBefore(formedOn)) {
                return Optional.empty();
            }
        }
        Instant updatedAt = instants.getOrDefault("updated_at", Instant.MIN);
        Optional<LocalDate> registeredOn = Optional.ofNullable(instants.get("registered_on")).map(RawCooperatives::date);
        return Optional.of(new Version(new Cooperative(row.get("cooperative_id"), province, formedOn, registeredOn), updatedAt, order));
    }

    /** yyyy-MM-dd or dd/MM/yyyy (the start of that day in Kigali), or an ISO date-time with an offset or in Kigali time. */
    private static Optional<Instant> instant(String text)
    {
        for (DateTimeFormatter format : List.of(ISO_DATE, DAY_MONTH_YEAR)) {
            try {
                return Optional.of(LocalDate.parse(text, format).atStartOfDay(KIGALI).toInstant());
            }
            catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        }
        catch (DateTimeParseException e) {
            // no offset: Kigali time
        }
        try {
            return Optional.of(LocalDateTime.parse(text).atZone(KIGALI).toInstant());
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(Instant instant)
    {
        return instant.atZone(KIGALI).toLocalDate();
    }

    /** The rows of a CSV file as column (trimmed, lower case) -> trimmed value; null for a row with the wrong number of fields. */
    private static List<Map<String, String>> records(Path file)
            throws IOException
    {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> rows = parse(text, separator);
        List<String> header = rows.get(0).stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> fields : rows.subList(1, rows.size())) {
            if (fields.size() != header.size()) {
                records.add(null);
                continue;
            }
            Map<String, String> record = new HashMap<>();
            for (int index = 0; index < header.size(); index++) {
                record.put(header.get(index), fields.get(index).trim());
            }
            records.add(record);
        }
        return records;
    }

    /** RFC 4180: quoted fields may hold separators, doubled quotes and line breaks; CRLF or LF ends a record. */
    private static List<List<String>> parse(String text, char separator)
    {
        List<List<String>> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (quoted) {
                if (character == '"' && index + 1 < text.length() && text.charAt(index + 1) == '"') {
                    field.append('"');
                    index++;
                }
                else if (character == '"') {
                    quoted = false;
                }
                else {
                    field.append(character);
                }
            }
            else if (character == '"') {
                quoted = true;
            }
            else if (character == separator) {
                fields.add(field.toString());
                field.setLength(0);
            }
            else if (character == '\n' || character == '\r') {
                if (character == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n') {
                    index++;
                }
                fields.add(field.toString());
                field.setLength(0);
                rows.add(fields);
                fields = new ArrayList<>();
            }
            else {
                field.append(character);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }
}
