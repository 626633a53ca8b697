package org.jijukirwa.generator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample preset, generated once and read back by the independent contract checker. */
class FieldDataGeneratorTest
{

    @TempDir
    static Path folder;

    static GeneratedDataSet sample;

    @BeforeAll
    static void generateSample()
            throws IOException
    {
        sample = GeneratedDataSet.generate(folder.resolve("sample"), 7, "sample", Preset.SAMPLE.parameters());
    }

    @Test
    void everyBadRowCarriesExactlyOneReason()
    {
        List<ContractChecker.Row> withSeveralReasons = sample.report().rows().stream()
                .filter(row -> row.reasons().size() > 1)
                .toList();

        assertThat(withSeveralReasons).isEmpty();
        assertThat(sample.report().rows().stream().filter(row -> !row.isValid()).count()).isGreaterThan(20);
    }

    @Test
    void manifestCountsMatchWhatTheFilesHold()
    {
        Map<String, Map<String, Long>> reasonsByFile = sample.report().reasonsByFile();
        for (String dataset : ContractChecker.DATASETS) {
            long datasetRows = 0;
            for (Map.Entry<String, Map<String, Object>> file : sample.files(dataset).entrySet()) {
                long rowsInFile = sample.report().rows().stream().filter(row -> row.file().equals(file.getKey())).count();
                assertThat(number(file.getValue().get("rows"))).as(file.getKey()).isEqualTo(rowsInFile);
                assertThat(longs(file.getValue().get("bad_rows_by_reason"))).as(file.getKey())
                        .isEqualTo(reasonsByFile.getOrDefault(file.getKey(), Map.of()));
                datasetRows += rowsInFile;
            }
            long badRows = sample.report().rows(dataset).stream().filter(row -> !row.isValid()).count();
            assertThat(number(sample.dataset(dataset).get("rows"))).isEqualTo(datasetRows);
            assertThat(number(sample.dataset(dataset).get("bad_rows"))).as(dataset).isEqualTo(badRows);
        }
        assertThat(sample.manifest().get("as_of")).isEqualTo("2020-12-31");
    }

    @Test
    void reExportsRepeatRowsIdenticallyAndSupersedeThemWithNewerVersions()
    {
        for (String dataset : ContractChecker.DATASETS) {
            Map<List<String>, ContractChecker.Row> latest = new HashMap<>();
            long repeats = 0;
            long superseding = 0;
            long olderArrivingLater = 0;
            for (ContractChecker.Row row : sample.report().validRows(dataset)) {
                List<String> key = key(dataset, row);
                ContractChecker.Row previous = latest.get(key);
                if (previous == null) {
                    latest.put(key, row);
                }
                else if (previous.values().equals(row.values())) {
                    repeats++;
                }
                else if (updatedAt(row).isAfter(updatedAt(previous))) {
                    superseding++;
                    latest.put(key, row);
                }
                else {
                    olderArrivingLater++;
                }
            }
            Map<String, Object> manifest = sample.dataset(dataset);
            assertThat(repeats).as(dataset).isPositive().isEqualTo(number(manifest.get("identical_repeats")));
            assertThat(superseding).as(dataset).isPositive().isEqualTo(number(manifest.get("superseding_rows")));
            assertThat(olderArrivingLater).as(dataset).isZero();
            assertThat((long) latest.size()).as(dataset).isEqualTo(number(manifest.get("current_keys")));
        }
    }

    @Test
    void noValidRowIsDatedAfterTheAsOfDateAndTheFutureRowsAreTheInjectedOnes()
    {
        LocalDate asOf = LocalDate.of(2020, 12, 31);
        LocalDate latestDate = LocalDate.MIN;
        for (ContractChecker.Row row : sample.report().rows()) {
            if (!row.isValid()) {
                continue;
            }
            for (Map.Entry<String, String> value : row.values().entrySet()) {
                if (isDateColumn(value.getKey()) && value.getValue() != null) {
                    LocalDate date = ContractChecker.parseDate(value.getValue());
                    assertThat(date).as(row.file() + " " + value).isNotNull();
                    latestDate = date.isAfter(latestDate) ? date : latestDate;
                }
            }
        }
        assertThat(latestDate).isBeforeOrEqualTo(asOf);

        long futureRows = sample.report().rows().stream().filter(row -> row.reasons().stream().anyMatch(reason -> reason.startsWith("date_in_future:"))).count();
        long injectedFutureRows = ContractChecker.DATASETS.stream()
                .flatMap(dataset -> longs(sample.dataset(dataset).get("bad_rows_by_reason")).entrySet().stream())
                .filter(entry -> entry.getKey().startsWith("date_in_future:"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(futureRows).isPositive().isEqualTo(injectedFutureRows);
    }

    @Test
    void everyDistrictHasCooperativesRoughlyInProportionToItsPopulation()
    {
        Map<String, Integer> perDistrict = new TreeMap<>();
        for (ContractChecker.Row cooperative : current("cooperatives").values()) {
            perDistrict.merge(sample.checker().districtCode(cooperative.value("district")), 1, Integer::sum);
        }

        assertThat(perDistrict).hasSize(30);
        assertThat(perDistrict.values()).allMatch(count -> count >= 1);
        assertThat(perDistrict.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        // Gasabo (880k people) is the largest district, Nyaruguru (318k) the smallest.
        assertThat(perDistrict.get("12")).isEqualTo(perDistrict.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertThat(perDistrict.get("12")).isGreaterThanOrEqualTo(2 * perDistrict.get("23"));
    }

    @Test
    void cooperativesCoverEveryValueChainAndRegisterOverMonthsToYears()
    {
        Map<List<String>, ContractChecker.Row> cooperatives = current("cooperatives");
        Set<String> valueChains = new HashSet<>();
        List<Long> daysToRegistration = new ArrayList<>();
        int withBdc = 0;
        int inUnion = 0;
        for (ContractChecker.Row cooperative : cooperatives.values()) {
            valueChains.add(sample.checker().valueChainCode(cooperative.value("value_chain")));
            LocalDate registeredOn = ContractChecker.parseDate(cooperative.value("registered_on"));
            if (registeredOn != null) {
                daysToRegistration.add(ChronoUnit.DAYS.between(ContractChecker.parseDate(cooperative.value("formed_on")), registeredOn));
            }
            withBdc += cooperative.value("bdc_linked_on") == null ? 0 : 1;
            inUnion += cooperative.value("union_affiliated_on") == null ? 0 : 1;
        }

        assertThat(valueChains).hasSize(15);
        assertThat(daysToRegistration.size()).isBetween(90, 240);
        daysToRegistration.sort(null);
        long median = daysToRegistration.get(daysToRegistration.size() / 2);
        assertThat(median).isBetween(90L, 540L);
        assertThat(withBdc).isBetween(60, 240);
        assertThat(inUnion).isBetween(30, 200);
    }

    @Test
    void membersShowValueChainSexPatternsAndPlausibleAges()
    {
        Map<String, String> valueChainOf = new HashMap<>();
        current("cooperatives").forEach((key, row) -> valueChainOf.put(key.get(0), sample.checker().valueChainCode(row.value("value_chain"))));
        Map<String, int[]> sexByValueChain = new HashMap<>();
        int youth = 0;
        int withBirthYear = 0;
        for (ContractChecker.Row member : current("members").values()) {
            char sex = ContractChecker.sex(member.value("sex"));
            int[] counts = sexByValueChain.computeIfAbsent(valueChainOf.get(member.value("cooperative_id")), chain -> new int[2]);
            if (sex != 'U') {
                counts[sex == 'F' ? 0 : 1]++;
            }
            if (member.value("birth_year") != null) {
                int age = ContractChecker.parseDate(member.value("joined_on")).getYear() - Integer.parseInt(member.value("birth_year"));
                assertThat(age).isBetween(16, 75);
                withBirthYear++;
                youth += age <= 30 ? 1 : 0;
            }
        }

        assertThat(womenShare(sexByValueChain, "tailoring", "hairdressing")).isGreaterThan(0.7);
        assertThat(womenShare(sexByValueChain, "moto_transport", "welding")).isLessThan(0.1);
        assertThat((double) youth / withBirthYear).isBetween(0.3, 0.7);
        assertThat(current("members").size()).isBetween(6000, 10_000);
    }

    @Test
    void somePeopleBelongToTwoCooperativesAndSomeHaveNoNationalId()
    {
        Map<String, Set<String>> cooperativesOfPerson = new HashMap<>();
        int withoutNationalId = 0;
        for (ContractChecker.Row member : current("members").values()) {
            String nationalId = member.value("national_id");
            if (nationalId == null) {
                withoutNationalId++;
                continue;
            }
            assertThat(nationalId).matches("1(19|20)\\d{2}[78]\\d{10}");
            if (member.value("birth_year") != null) {
                assertThat(nationalId.substring(1, 5)).isEqualTo(member.value("birth_year"));
            }
            char sex = ContractChecker.sex(member.value("sex"));
            if (sex != 'U') {
                assertThat(nationalId.charAt(5)).isEqualTo(sex == 'F' ? '7' : '8');
            }
            cooperativesOfPerson.computeIfAbsent(nationalId, id -> new HashSet<>()).add(member.value("cooperative_id"));
        }

        assertThat(cooperativesOfPerson.values().stream().filter(cooperatives -> cooperatives.size() >= 2).count()).isPositive();
        assertThat(withoutNationalId).isPositive();
    }

    @Test
    void districtsHoldThreeOrMoreSessionsAYearWithFewerInAugustAndDecember()
    {
        Map<String, String> districtOf = new HashMap<>();
        current("cooperatives").forEach((key, row) -> districtOf.put(key.get(0), sample.checker().districtCode(row.value("district"))));
        Map<List<String>, ContractChecker.Row> members = current("members");
        Map<String, Set<String>> sessionsByDistrictYear = new TreeMap<>();
        Map<String, LocalDate> sessionDates = new HashMap<>();
        for (ContractChecker.Row attendance : sample.report().validRows("trainings")) {
            String district = sample.checker().districtCode(attendance.value("district"));
            LocalDate heldOn = ContractChecker.parseDate(attendance.value("held_on"));
            sessionsByDistrictYear.computeIfAbsent(district + "/" + heldOn.getYear(), key -> new HashSet<>()).add(attendance.value("session_id"));
            sessionDates.put(attendance.value("session_id"), heldOn);
            assertThat(districtOf.get(attendance.value("cooperative_id"))).isEqualTo(district);
            String memberId = attendance.value("member_id");
            if (memberId != null) {
                ContractChecker.Row member = members.get(List.of(memberId));
                assertThat(ContractChecker.parseDate(member.value("joined_on"))).isBeforeOrEqualTo(heldOn);
                LocalDate leftOn = ContractChecker.parseDate(member.value("left_on"));
                assertThat(leftOn == null || leftOn.isAfter(heldOn)).as(memberId + " left before " + heldOn).isTrue();
            }
        }

        assertThat(sessionsByDistrictYear).hasSize(30 * 3);
        assertThat(sessionsByDistrictYear.values()).allMatch(sessions -> sessions.size() >= 3);
        int[] perMonth = new int[13];
        sessionDates.values().forEach(date -> perMonth[date.getMonthValue()]++);
        double otherMonths = (Arrays.stream(perMonth).sum() - perMonth[8] - perMonth[12]) / 10.0;
        assertThat(perMonth[8]).isLessThan((int) (0.7 * otherMonths));
        assertThat(perMonth[12]).isLessThan((int) (0.7 * otherMonths));
    }

    @Test
    void valuesAreMessyButValid()
    {
        List<ContractChecker.Row> valid = sample.report().rows().stream().filter(ContractChecker.Row::isValid).toList();

        assertThat(count(valid, "district", value -> value.matches("\\d{2}"))).isPositive();
        assertThat(count(valid, "district", value -> value.toLowerCase(Locale.ROOT).startsWith("akarere ka "))).isPositive();
        assertThat(count(valid, "district", value -> value.toLowerCase(Locale.ROOT).endsWith(" district"))).isPositive();
        assertThat(count(valid, "district", value -> value.equals(value.toUpperCase(Locale.ROOT)) && value.length() > 2)).isPositive();
        assertThat(count(valid, "value_chain", value -> value.contains(" "))).isPositive();
        assertThat(count(valid, "sex", value -> value.equals("Gabo") || value.equals("Umugore") || value.equals("Female"))).isPositive();
        assertThat(count(valid, "disability", value -> value.equals("yego") || value.equals("oya"))).isPositive();
        assertThat(count(valid, "disability", value -> value.equals("1") || value.equals("0"))).isPositive();
        assertThat(count(valid, "joined_on", value -> value.matches("\\d{2}/\\d{2}/\\d{4}"))).isPositive();
        assertThat(count(valid, "held_on", value -> value.contains("+02:00"))).isPositive();
        // Just after midnight in Kigali: the UTC text still shows the day before.
        assertThat(valid.stream().filter(row -> row.values().entrySet().stream().anyMatch(value -> isDateColumn(value.getKey())
                && value.getValue() != null && value.getValue().endsWith("Z")
                && !value.getValue().startsWith(ContractChecker.parseDate(value.getValue()).toString()))).count()).isPositive();
        assertThat(valid.stream().filter(row -> row.raw().values().stream().anyMatch(raw -> raw != null && raw.startsWith(" COOP-"))).count()).isPositive();
    }

    @Test
    void filesComeInTheFormatsTheContractAccepts()
            throws IOException
    {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(sample.root())) {
            files = paths.filter(Files::isRegularFile).filter(path -> !path.endsWith(FieldDataGenerator.MANIFEST_FILE)).sorted().toList();
        }
        int withBom = 0;
        int withCrlf = 0;
        int semicolonSeparated = 0;
        int jsonLines = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            withBom += bytes.length > 2 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 1 : 0;
            String text = new String(bytes, StandardCharsets.UTF_8);
            withCrlf += text.contains("\r\n") ? 1 : 0;
            semicolonSeparated += text.lines().findFirst().orElseThrow().contains(";") ? 1 : 0;
            jsonLines += file.toString().endsWith(".jsonl") ? 1 : 0;
        }

        assertThat(files).hasSize(12);
        assertThat(withBom).isEqualTo(1);
        assertThat(withCrlf).isPositive();
        assertThat(semicolonSeparated).isPositive();
        assertThat(jsonLines).isEqualTo(1);
        // Quoted fields holding line breaks, separators and quotes, read back intact.
        assertThat(sample.report().validRows("cooperatives").stream().filter(row -> row.value("cooperative_name").contains("\n")).count()).isPositive();
        assertThat(sample.report().validRows("cooperatives").stream().filter(row -> row.value("cooperative_name").contains("\"")).count()).isPositive();
        assertThat(sample.report().validRows("trainings").stream().filter(row -> row.value("facilitator").contains(",")).count()).isPositive();
        assertThat(sample.report().headers().get("cooperatives/cooperatives_2019.csv")).contains(" District ", "_uuid");
    }

    @Test
    void visitNotesSometimesHoldNamesAndPhoneNumbers()
    {
        List<ContractChecker.Row> visits = sample.report().validRows("coaching");
        long withPhone = visits.stream().filter(row -> row.value("notes") != null && row.value("notes").matches("(?s).*(\\+2507|07)\\d{8}.*")).count();

        assertThat(withPhone).isPositive().isLessThan(visits.size() / 4);
        assertThat(visits.stream().filter(row -> row.value("maturity_score") != null).count()).isGreaterThan(visits.size() / 2);
    }

    @Test
    void frequentBadRowsCoverEveryQuarantineReasonTheContractNames()
            throws IOException
    {
        PresetParameters parameters = Preset.SAMPLE.parameters().withCooperatives(40).withBadShares(DatasetShares.all(0.3));
        GeneratedDataSet noisy = GeneratedDataSet.generate(folder.resolve("noisy"), 11, "sample", parameters);

        Map<String, Set<String>> reasons = new LinkedHashMap<>();
        for (ContractChecker.Row row : noisy.report().rows()) {
            assertThat(row.reasons()).hasSizeLessThanOrEqualTo(1);
            reasons.computeIfAbsent(row.dataset(), dataset -> new HashSet<>()).addAll(row.reasons());
        }

        assertThat(reasons.get("cooperatives")).containsExactlyInAnyOrder("malformed_row", "missing_required:cooperative_id",
                "missing_required:district", "missing_required:value_chain", "missing_required:formed_on", "invalid_date:formed_on",
                "invalid_date:registered_on", "invalid_date:bdc_linked_on", "unknown_district", "unknown_value_chain",
                "date_in_future:formed_on", "date_in_future:registered_on", "date_order:registered_on", "date_order:applied_on");
        assertThat(reasons.get("members")).containsExactlyInAnyOrder("malformed_row", "missing_required:member_id",
                "missing_required:cooperative_id", "missing_required:joined_on", "invalid_date:joined_on", "invalid_date:left_on",
                "invalid_value:sex", "invalid_value:birth_year", "invalid_value:disability", "date_in_future:joined_on",
                "date_order:left_on", "unknown_cooperative");
        assertThat(reasons.get("trainings")).containsExactlyInAnyOrder("malformed_row", "missing_required:session_id",
                "missing_required:held_on", "missing_required:district", "missing_required:topic", "missing_required:cooperative_id",
                "invalid_date:held_on", "unknown_district", "unknown_topic", "unknown_cooperative", "date_in_future:held_on");
        assertThat(reasons.get("coaching")).containsExactlyInAnyOrder("malformed_row", "missing_required:visit_id",
                "missing_required:cooperative_id", "missing_required:visited_on", "invalid_date:visited_on", "invalid_date:follow_up_due",
                "invalid_value:maturity_score", "unknown_topic", "unknown_cooperative", "date_in_future:visited_on");
        // Broken edits of real records must not have displaced them: every cooperative still has a valid row.
        assertThat(noisy.report().validRows("cooperatives").stream().map(row -> row.value("cooperative_id")).distinct().count()).isEqualTo(40);
    }

    // ---- helpers ----

    private static List<String> key(String dataset, ContractChecker.Row row)
    {
        return switch (dataset) {
            case "cooperatives" -> List.of(row.value("cooperative_id"));
            case "members" -> List.of(row.value("member_id"));
            case "trainings" -> Arrays.asList(row.value("session_id"), row.value("cooperative_id"), row.value("member_id"));
            default -> List.of(row.value("visit_id"));
        };
    }

    /** The current version of every key: the valid row with the greatest updated_at, the later row on a tie. */
    private static Map<List<String>, ContractChecker.Row> current(String dataset)
    {
        Map<List<String>, ContractChecker.Row> latest = new LinkedHashMap<>();
        for (ContractChecker.Row row : sample.report().validRows(dataset)) {
            latest.merge(key(dataset, row), row, (previous, next) -> updatedAt(next).isBefore(updatedAt(previous)) ? previous : next);
        }
        return latest;
    }

    private static Instant updatedAt(ContractChecker.Row row)
    {
        String text = row.value("updated_at");
        if (text == null) {
            return Instant.MIN;
        }
        if (text.contains("T")) {
            return text.matches(".*(Z|[+-]\\d{2}:\\d{2})") ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).atZone(ContractChecker.KIGALI).toInstant();
        }
        return ContractChecker.parseDate(text).atStartOfDay(ContractChecker.KIGALI).toInstant();
    }

    private static boolean isDateColumn(String column)
    {
        return column.endsWith("_on") || column.equals("updated_at") || column.equals("follow_up_due");
    }

    private static long count(List<ContractChecker.Row> rows, String column, Predicate<String> test)
    {
        return rows.stream().map(row -> row.value(column)).filter(value -> value != null && test.test(value)).count();
    }

    private static double womenShare(Map<String, int[]> sexByValueChain, String... valueChains)
    {
        int women = 0;
        int all = 0;
        for (String chain : valueChains) {
            int[] counts = sexByValueChain.getOrDefault(chain, new int[2]);
            women += counts[0];
            all += counts[0] + counts[1];
        }
        return (double) women / all;
    }

    static long number(Object value)
    {
        return ((BigDecimal) value).longValueExact();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> longs(Object value)
    {
        Map<String, Long> result = new TreeMap<>();
        ((Map<String, Object>) value).forEach((key, count) -> result.put(key, number(count)));
        return result;
    }
}
