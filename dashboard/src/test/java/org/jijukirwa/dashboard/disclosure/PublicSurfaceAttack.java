package org.jijukirwa.dashboard.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import org.jijukirwa.dashboard.disclosure.CellGrid.Family;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A public visitor's attack on the whole public surface of a running server: it asks every person-counting indicator
 * by every set of up to two dimensions, unfiltered and filtered on one value of one dimension (a sample chosen to be
 * small: the three smallest districts, the smallest value chain, sex, age band, topic, and the province of the smallest
 * district), as of the snapshot date and as a quarterly series over the year before it (flows: the whole range and the
 * quarterly series), plus a sample
 * of the exports and the IATI file. Every served figure becomes a fact for {@link DifferencingAttacker}: a published
 * sum, a zero (an omitted row), or a range (a suppressed cell). The manager's exact finest tables are the truth it is
 * judged against (the attacker never sees them). A leak is a count of 1 to k-1 people that the public answers show or
 * that the attacker works out exactly.
 */
public final class PublicSurfaceAttack
{
    /** The server as the attack sees it: GET a path with its query, as the public or as a manager. */
    public interface Api
    {
        String get(String pathAndQuery, boolean asManager);

        JsonNode getJson(String pathAndQuery, boolean asManager);
    }

    private static final List<String> MEMBER_INDICATORS = List.of("members_active", "member_formalisation_rate", "women_share", "youth_share",
            "persons_reached");
    private static final List<String> MEMBER_BY = List.of("province", "district", "value_chain", "sex", "age_band");
    private static final List<String> ATTENDANCE_BY = List.of("province", "district", "value_chain", "topic");
    private static final String ATTENDANCES = "attendances";
    private static final String PERSONS_REACHED = "persons_reached";
    private static final int EXPORT_EVERY = 25;
    private static final int MANAGER_CHECK_EVERY = 15;
    private static final int EXAMPLES = 12;
    private static final int PARALLEL_REQUESTS = 4;

    private final Api api;
    private final int threshold;
    private final Map<String, Set<String>> selectionsCache = new HashMap<>();

    // what the attacker has gathered, per fact key (family, time slices, constraints, measures)
    private final Map<String, List<String>> cellsOfKey = new LinkedHashMap<>();
    private final Map<String, Long> published = new LinkedHashMap<>();
    private final Map<String, long[]> ranges = new LinkedHashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<String> inconsistencies = new ArrayList<>();
    private final List<String> shownSmallCounts = new ArrayList<>();

    private CellGrid grid;
    private LocalDate asOf;
    private LocalDate seriesFrom;
    private LocalDate secondAsOf;
    private LocalDate flowsFrom;
    private int publicRequests;
    private int exportRequests;
    private int managerRequests;

    public PublicSurfaceAttack(Api api, int threshold)
    {
        this.api = requireNonNull(api, "api is null");
        if (threshold < 2) {
            throw new IllegalArgumentException("a threshold below 2 protects nothing: " + threshold);
        }
        this.threshold = threshold;
    }

    /** What the attack found and what it did. */
    public record Report(int publicRequests, int exportRequests, int managerRequests, int facts, int cells, int rank, int determinedCells,
            List<String> shownSmallCounts, List<String> recoveredHiddenCounts, List<String> recoveredFinestCells, List<String> inconsistencies,
            List<String> managerMismatches, long solveMillis, Map<String, Long> truth, String snapshotDate)
    {
        public List<String> leaks()
        {
            List<String> leaks = new ArrayList<>();
            leaks.addAll(shownSmallCounts);
            leaks.addAll(recoveredHiddenCounts);
            leaks.addAll(recoveredFinestCells);
            return leaks;
        }

        public String summary()
        {
            return "requests: " + publicRequests + " public, " + exportRequests + " exports and IATI, " + managerRequests + " as manager (truth and checks)\n"
                    + "attacker: " + facts + " facts over " + cells + " finest cells, rank " + rank + ", " + determinedCells
                    + " finest cells determined, solved in " + solveMillis + " ms\n"
                    + "leaks: " + shownSmallCounts.size() + " distinct figures of 1..k-1 people shown, " + recoveredHiddenCounts.size()
                    + " hidden answer cells of 1..k-1 worked out, " + recoveredFinestCells.size() + " finest cells of 1..k-1 worked out\n"
                    + examples("shown", shownSmallCounts) + examples("worked out", recoveredHiddenCounts)
                    + examples("finest cells", recoveredFinestCells)
                    + (inconsistencies.isEmpty() ? "" : examples("INCONSISTENT public figures", inconsistencies))
                    + (managerMismatches.isEmpty() ? "" : examples("MANAGER VIEW MISMATCHES", managerMismatches));
        }

        private static String examples(String title, List<String> items)
        {
            if (items.isEmpty()) {
                return "";
            }
            return "  " + title + " (" + items.size() + "), e.g.:\n" + items.stream().limit(EXAMPLES).map(item -> "    " + item + "\n").collect(Collectors.joining());
        }
    }

    private record Request(String indicator, List<String> by, Map<String, String> filter, Map<String, String> time)
    {
        String query()
        {
            StringJoiner query = new StringJoiner("&");
            if (!by.isEmpty()) {
                query.add("by=" + String.join(",", by));
            }
            filter.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            time.forEach((name, value) -> query.add(name + "=" + value));
            return query.length() == 0 ? "" : "?" + query;
        }

        String path()
        {
            return "/api/v1/indicators/" + indicator + query();
        }
    }

    public Report run()
    {
        JsonNode reference = api.getJson("/api/v1/reference", false);
        grid = grid(reference);
        asOf = LocalDate.parse(publicAnswer(new Request("members_active", List.of(), Map.of(), Map.of())).get("as_of").asText());
        seriesFrom = asOf.minusYears(1).plusDays(1);
        if (seriesFrom.getDayOfMonth() != 1 || (seriesFrom.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalStateException("the attack's quarterly series needs a snapshot date at a quarter's end, not " + asOf);
        }
        secondAsOf = seriesFrom.plusMonths(6).minusDays(1);
        flowsFrom = LocalDate.parse(publicAnswer(new Request(ATTENDANCES, List.of(), Map.of(), Map.of())).get("from").asText());

        Map<Request, JsonNode> answers = publicAnswers(plan());
        progress(answers.size() + " public answers");
        answers.values().forEach(this::seeValues);
        int index = 0;
        for (Map.Entry<Request, JsonNode> entry : answers.entrySet()) {
            gather(entry.getKey(), entry.getValue(), "public");
            if (index++ % EXPORT_EVERY == 0) {
                gatherExports(entry.getKey(), entry.getValue());
            }
        }
        gatherIati();

        progress(cellsOfKey.size() + " figures gathered, with the exports and IATI");
        Map<String, Long> truth = truth();
        List<String> managerMismatches = checkManagerView(answers.keySet(), truth);

        DifferencingAttacker attacker = new DifferencingAttacker();
        cellsOfKey.forEach((key, cells) -> {
            if (published.containsKey(key)) {
                attacker.published(cells, published.get(key), labels.get(key));
            }
            else if (ranges.containsKey(key)) {
                attacker.bounded(cells, ranges.get(key)[0], ranges.get(key)[1], labels.get(key));
            }
            else {
                attacker.hidden(cells, labels.get(key));
            }
        });
        progress("solving " + attacker.factCount() + " facts over " + attacker.cellCount() + " cells");
        long started = System.nanoTime();
        DifferencingAttacker.Deductions deductions = attacker.solve();
        long solveMillis = (System.nanoTime() - started) / 1_000_000;
        inconsistencies.addAll(deductions.contradictions());

        List<String> recoveredHidden = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : cellsOfKey.entrySet()) {
            String key = entry.getKey();
            if (published.containsKey(key) || key.startsWith("p")) {
                continue; // shown figures are checked as shown; persons_reached cells have no additive truth
            }
            long exact = exact(entry.getValue(), truth);
            if (isSmall(exact)) {
                OptionalLong worked = deductions.valueOf(entry.getValue());
                if (worked.isPresent() && worked.getAsLong() == exact) {
                    recoveredHidden.add(labels.get(key) + " = " + exact + " (served as " + served(key) + ")");
                }
            }
        }
        List<String> recoveredFinest = new ArrayList<>();
        deductions.determinedCells().forEach((cell, value) -> {
            long exact = truth.getOrDefault(cell, 0L);
            if (!cell.startsWith("p") && isSmall(exact) && value == exact) {
                recoveredFinest.add(cell + " = " + exact);
            }
        });
        return new Report(publicRequests, exportRequests, managerRequests, attacker.factCount(), attacker.cellCount(), deductions.rank(),
                deductions.determinedCells().size(), List.copyOf(shownSmallCounts), recoveredHidden, recoveredFinest, List.copyOf(inconsistencies),
                managerMismatches, solveMillis, Map.copyOf(truth), asOf.toString());
    }

    private void progress(String message)
    {
        System.out.println("[disclosure attack, k = " + threshold + "] " + message);
    }

    private String served(String key)
    {
        if (ranges.containsKey(key)) {
            long[] range = ranges.get(key);
            return "suppressed, known within [" + range[0] + ", " + (range[1] >= Long.MAX_VALUE / 8 ? "..." : Long.toString(range[1])) + "]";
        }
        return "hidden";
    }

    private boolean isSmall(long count)
    {
        return count >= 1 && count <= threshold - 1;
    }

    // ---- the requests

    private List<Request> plan()
    {
        Map<String, String> smallest = smallestValues();
        List<Map<String, String>> memberFilters = new ArrayList<>();
        memberFilters.add(Map.of());
        for (String district : smallest.get("districts").split("\n")) {
            memberFilters.add(Map.of("district", district));
        }
        for (String dimension : List.of("province", "value_chain", "sex", "age_band")) {
            memberFilters.add(Map.of(dimension, smallest.get(dimension)));
        }
        List<Map<String, String>> attendanceFilters = new ArrayList<>();
        attendanceFilters.add(Map.of());
        for (String district : smallest.get("districts").split("\n")) {
            attendanceFilters.add(Map.of("district", district));
        }
        for (String dimension : List.of("province", "value_chain", "topic")) {
            attendanceFilters.add(Map.of(dimension, smallest.get(dimension)));
        }
        // the series' quarter ends include the date half a year back: an as_of request for it would ask the same figures again
        List<Map<String, String>> stockTimes = List.of(Map.of(), Map.of("grain", "quarter", "from", seriesFrom.toString()));
        List<Map<String, String>> flowTimes = List.of(Map.of(), Map.of("grain", "quarter", "from", seriesFrom.toString()));

        List<Request> requests = new ArrayList<>();
        for (String indicator : MEMBER_INDICATORS) {
            for (List<String> by : subsetsUpToTwo(MEMBER_BY)) {
                for (Map<String, String> filter : memberFilters) {
                    for (Map<String, String> time : stockTimes) {
                        requests.add(new Request(indicator, by, filter, time));
                    }
                }
            }
        }
        for (List<String> by : subsetsUpToTwo(ATTENDANCE_BY)) {
            for (Map<String, String> filter : attendanceFilters) {
                for (Map<String, String> time : flowTimes) {
                    requests.add(new Request(ATTENDANCES, by, filter, time));
                }
            }
        }
        return requests;
    }

    /** The sample of filter values: the smallest by the public figures (suppressed cells first), as an attacker would pick. */
    private Map<String, String> smallestValues()
    {
        Map<String, String> smallest = new HashMap<>();
        List<String> districts = byPublicSize("members_active", "district");
        smallest.put("districts", String.join("\n", districts.subList(0, Math.min(3, districts.size()))));
        smallest.put("province", grid.provinceOf(districts.get(0)));
        for (String dimension : List.of("value_chain", "sex", "age_band")) {
            smallest.put(dimension, byPublicSize("members_active", dimension).get(0));
        }
        smallest.put("topic", byPublicSize(ATTENDANCES, "topic").get(0));
        return smallest;
    }

    private List<String> byPublicSize(String indicator, String dimension)
    {
        JsonNode answer = publicAnswer(new Request(indicator, List.of(dimension), Map.of(), Map.of()));
        List<JsonNode> rows = new ArrayList<>();
        answer.get("rows").forEach(rows::add);
        rows.removeIf(row -> row.get(dimension).isNull());
        rows.sort(Comparator.comparingLong(row -> row.get("suppressed").asBoolean() ? -1 : row.get("value").asLong()));
        return rows.stream().map(row -> row.get(dimension).asText()).toList();
    }

    private static List<List<String>> subsetsUpToTwo(List<String> dimensions)
    {
        List<List<String>> subsets = new ArrayList<>();
        subsets.add(List.of());
        for (int i = 0; i < dimensions.size(); i++) {
            subsets.add(List.of(dimensions.get(i)));
        }
        for (int i = 0; i < dimensions.size(); i++) {
            for (int j = i + 1; j < dimensions.size(); j++) {
                subsets.add(List.of(dimensions.get(i), dimensions.get(j)));
            }
        }
        return subsets;
    }

    private JsonNode publicAnswer(Request request)
    {
        publicRequests++;
        return api.getJson(request.path(), false);
    }

    /** The answers of the plan, in its order, asked a few at a time (as a visitor's script would), so that the test stays quick. */
    private Map<Request, JsonNode> publicAnswers(List<Request> plan)
    {
        ExecutorService requests = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (Request request : plan) {
                futures.add(requests.submit(() -> api.getJson(request.path(), false)));
            }
            Map<Request, JsonNode> answers = new LinkedHashMap<>();
            for (int index = 0; index < plan.size(); index++) {
                answers.put(plan.get(index), futures.get(index).get());
            }
            publicRequests += plan.size();
            return answers;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        finally {
            requests.shutdownNow();
        }
    }

    // ---- from answers to facts

    private static CellGrid grid(JsonNode reference)
    {
        Map<String, List<String>> districtsByProvince = new TreeMap<>();
        reference.get("provinces").forEach(province -> {
            List<String> districts = new ArrayList<>();
            province.get("districts").forEach(district -> districts.add(district.get("district").asText()));
            districtsByProvince.put(province.get("province").asText(), districts);
        });
        return new CellGrid(districtsByProvince, texts(reference.get("value_chains"), "value_chain"), texts(reference.get("sexes"), null),
                texts(reference.get("age_bands"), null), texts(reference.get("topics"), "topic"));
    }

    private static List<String> texts(JsonNode array, String field)
    {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(field == null ? item.asText() : item.get(field).asText()));
        return texts;
    }

    private void seeValues(JsonNode answer)
    {
        for (JsonNode row : answer.get("rows")) {
            for (JsonNode dimension : answer.get("by")) {
                JsonNode value = row.get(dimension.asText());
                if (!dimension.asText().equals("province")) {
                    grid.see(dimension.asText(), value == null || value.isNull() ? null : value.asText());
                }
            }
        }
    }

    /** Turns every cell of an answer, shown, suppressed or omitted (a zero), into facts. */
    private void gather(Request request, JsonNode answer, String source)
    {
        Family family = family(request.indicator());
        Map<String, JsonNode> rowsByCell = new HashMap<>();
        for (JsonNode row : answer.get("rows")) {
            rowsByCell.put(cellName(answer, row), row);
        }
        Set<String> matched = new HashSet<>();
        for (Slice slice : slices(family, answer)) {
            for (Map<String, String> byValues : byCells(request)) {
                String name = slice.period + "|" + byValues;
                JsonNode row = rowsByCell.get(name);
                if (row != null) {
                    matched.add(name);
                }
                Map<String, Set<String>> constraints = new TreeMap<>();
                request.filter().forEach((dimension, value) -> constraints.put(dimension, Set.of(value)));
                byValues.forEach((dimension, value) -> constraints.merge(dimension, Set.of(value), PublicSurfaceAttack::intersection));
                String label = source + " " + request.path() + " " + slice.period + " " + byValues;
                cellFacts(request.indicator(), family, slice, constraints, row, label);
            }
        }
        if (matched.size() != rowsByCell.size()) {
            Set<String> unmatched = new TreeSet<>(rowsByCell.keySet());
            unmatched.removeAll(matched);
            inconsistencies.add("rows outside the attacker's grid in " + request.path() + ": " + unmatched);
        }
    }

    private void cellFacts(String indicator, Family family, Slice slice, Map<String, Set<String>> constraints, JsonNode row, String label)
    {
        Selection count = denominatorOrCount(indicator, constraints);
        String countKey = key(family, slice, count);
        if (row == null) {
            publish(countKey, 0, label + " omitted");
            if (family == Family.MEMBERS) {
                // no active members: none in registered cooperatives either
                publish(key(family, slice, new Selection(count.constraints(), Set.of(CellGrid.REGISTERED))), 0, label + " omitted, so no registered");
            }
            return;
        }
        boolean rate = isRate(indicator);
        if (row.get("suppressed").asBoolean()) {
            String reason = row.path("suppression").asText("");
            long highest = reason.equals("small_cell") ? threshold - 1 : Long.MAX_VALUE;
            bound(countKey, 1, highest, label + (rate ? " denominator" : "") + " suppressed (" + reason + ")");
            if (rate) {
                hide(key(family, slice, numerator(indicator, constraints)), label + " numerator suppressed");
            }
            return;
        }
        if (rate) {
            long denominator = row.get("denominator").asLong();
            long numerator = row.get("numerator").asLong();
            publish(countKey, denominator, label + " denominator");
            publish(key(family, slice, numerator(indicator, constraints)), numerator, label + " numerator");
        }
        else {
            publish(countKey, row.get("value").asLong(), label);
        }
    }

    /** Which people a figure counts: constraints and, for members, the measures. */
    private record Selection(Map<String, Set<String>> constraints, Set<String> measures)
    {
    }

    private Selection denominatorOrCount(String indicator, Map<String, Set<String>> constraints)
    {
        Map<String, Set<String>> selected = new TreeMap<>(constraints);
        switch (indicator) {
            case "women_share" -> selected.merge("sex", Set.of("F", "M"), PublicSurfaceAttack::intersection);
            case "youth_share" -> {
                Set<String> known = new TreeSet<>(grid.values("age_band"));
                known.remove("unknown");
                known.remove(CellGrid.NONE);
                selected.merge("age_band", known, PublicSurfaceAttack::intersection);
            }
            default -> {
            }
        }
        return new Selection(selected, Set.of(CellGrid.ACTIVE));
    }

    private Selection numerator(String indicator, Map<String, Set<String>> constraints)
    {
        Map<String, Set<String>> selected = new TreeMap<>(constraints);
        Set<String> measures = Set.of(CellGrid.ACTIVE);
        switch (indicator) {
            case "member_formalisation_rate" -> measures = Set.of(CellGrid.REGISTERED);
            case "women_share" -> selected.merge("sex", Set.of("F"), PublicSurfaceAttack::intersection);
            case "youth_share" -> selected.merge("age_band", Set.of("16-30"), PublicSurfaceAttack::intersection);
            default -> throw new IllegalArgumentException(indicator + " has no numerator of its own");
        }
        return new Selection(selected, measures);
    }

    private static boolean isRate(String indicator)
    {
        return Set.of("member_formalisation_rate", "women_share", "youth_share").contains(indicator);
    }

    private static Family family(String indicator)
    {
        return switch (indicator) {
            case ATTENDANCES -> Family.ATTENDANCES;
            case PERSONS_REACHED -> Family.PERSONS;
            default -> Family.MEMBERS;
        };
    }

    /** The fact key of a selection in a slice; registers its finest cells once. */
    private String key(Family family, Slice slice, Selection selection)
    {
        String key = keyName(family, slice, selection);
        cellsOfKey.computeIfAbsent(key, ignored -> cellsOf(family, slice, selection));
        return key;
    }

    private String keyName(Family family, Slice slice, Selection selection)
    {
        String measures = family == Family.MEMBERS ? "|" + new TreeSet<>(selection.measures()) : "";
        return family + "|" + String.join("+", slice.times) + "|" + grid.canonical(family, selection.constraints()) + measures;
    }

    private List<String> cellsOf(Family family, Slice slice, Selection selection)
    {
        if (family == Family.PERSONS) {
            // not additive: one unknown per canonical cell and date
            return List.of("p|" + String.join("+", slice.times) + "|" + grid.canonical(family, selection.constraints()));
        }
        List<String> cells = new ArrayList<>();
        for (String time : slice.times) {
            cells.addAll(grid.cells(family, time, selection.constraints(), selection.measures()));
        }
        return cells;
    }

    private void publish(String key, long value, String label)
    {
        Long earlier = published.putIfAbsent(key, value);
        if (earlier == null) {
            if (isSmall(value)) {
                shownSmallCounts.add(label + " = " + value);
            }
            labels.put(key, label);
            ranges.remove(key);
        }
        else if (earlier != value) {
            String what = key.startsWith(Family.PERSONS.name()) ? "the same people counted twice, differently: " : "";
            inconsistencies.add(what + label + " = " + value + ", but " + labels.get(key) + " = " + earlier);
        }
    }

    private void bound(String key, long lowest, long highest, String label)
    {
        if (published.containsKey(key)) {
            return; // known exactly from another answer
        }
        long[] range = ranges.computeIfAbsent(key, ignored -> new long[] {0, Long.MAX_VALUE});
        range[0] = Math.max(range[0], lowest);
        range[1] = Math.min(range[1], highest);
        labels.putIfAbsent(key, label);
    }

    private void hide(String key, String label)
    {
        labels.putIfAbsent(key, label);
    }

    /** One time slice of an answer: its period key (empty when not a series) and the times its figures cover. */
    private record Slice(String period, List<String> times)
    {
    }

    private List<Slice> slices(Family family, JsonNode answer)
    {
        boolean series = answer.hasNonNull("grain");
        boolean stock = answer.get("kind").asText().equals("stock");
        if (!series) {
            if (stock) {
                return List.of(new Slice("", List.of(answer.get("as_of").asText())));
            }
            return List.of(new Slice("", flowTimes(LocalDate.parse(answer.get("from").asText()), LocalDate.parse(answer.get("to").asText()))));
        }
        LocalDate to = LocalDate.parse(answer.get("to").asText());
        List<Slice> slices = new ArrayList<>();
        for (LocalDate start = LocalDate.parse(answer.get("from").asText()); !start.isAfter(to); start = start.plusMonths(3)) {
            LocalDate end = start.plusMonths(3).minusDays(1);
            String period = start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            LocalDate clipped = end.isAfter(to) ? to : end;
            slices.add(new Slice(period, stock ? List.of(clipped.toString()) : flowTimes(start, clipped)));
        }
        return slices;
    }

    /** The attendances' time slices within [from, to]: before the series, then each quarter of the series. */
    private List<String> flowTimes(LocalDate from, LocalDate to)
    {
        List<String> times = new ArrayList<>();
        if (from.equals(flowsFrom) && seriesFrom.isAfter(from)) {
            times.add("before-" + seriesFrom);
            from = seriesFrom;
        }
        if (!from.isBefore(seriesFrom) && from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0) {
            for (LocalDate start = from; !start.isAfter(to); start = start.plusMonths(3)) {
                LocalDate end = start.plusMonths(3).minusDays(1);
                if (end.isAfter(to) && !to.equals(asOf)) {
                    throw new IllegalStateException("a flow range that ends inside a quarter: " + from + " to " + to);
                }
                times.add(start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1));
            }
            return times;
        }
        throw new IllegalStateException("a flow range the attack does not slice: " + from + " to " + to);
    }

    /** Every cell the answer could hold: each combination of the by dimensions' values, within the filter. */
    private List<Map<String, String>> byCells(Request request)
    {
        List<Map<String, String>> cells = new ArrayList<>();
        cells.add(new TreeMap<>());
        for (String dimension : request.by()) {
            Set<String> values = new TreeSet<>(grid.values(dimension));
            if (request.filter().containsKey(dimension)) {
                values.retainAll(Set.of(request.filter().get(dimension)));
            }
            List<Map<String, String>> longer = new ArrayList<>();
            for (Map<String, String> cell : cells) {
                for (String value : values) {
                    Map<String, String> more = new TreeMap<>(cell);
                    more.put(dimension, value);
                    longer.add(more);
                }
            }
            cells = longer;
        }
        return cells;
    }

    private static String cellName(JsonNode answer, JsonNode row)
    {
        Map<String, String> values = new TreeMap<>();
        for (JsonNode dimension : answer.get("by")) {
            JsonNode value = row.get(dimension.asText());
            values.put(dimension.asText(), value == null || value.isNull() ? CellGrid.NONE : value.asText());
        }
        return row.path("period").asText("") + "|" + values;
    }

    private static Set<String> intersection(Set<String> first, Set<String> second)
    {
        Set<String> both = new TreeSet<>(first);
        both.retainAll(second);
        return both;
    }

    // ---- exports and IATI: the same answers again, through other doors

    private void gatherExports(Request request, JsonNode answer)
    {
        String query = request.query();
        exportRequests++;
        JsonNode exported = api.getJson("/api/v1/export/" + request.indicator() + ".json" + query, false);
        if (!exported.get("rows").equals(answer.get("rows"))) {
            inconsistencies.add("the JSON export of " + request.path() + " differs from the answer");
        }
        gather(request, exported, "export.json");
        exportRequests++;
        String csv = api.get("/api/v1/export/" + request.indicator() + ".csv" + query, false);
        String[] lines = csv.split("\r\n");
        if (lines.length - 1 != answer.get("rows").size()) {
            inconsistencies.add("the CSV export of " + request.path() + " has " + (lines.length - 1) + " rows, the answer " + answer.get("rows").size());
            return;
        }
        List<String> header = List.of(lines[0].split(",", -1));
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            JsonNode row = answer.get("rows").get(i - 1);
            for (String column : List.of("numerator", "denominator")) {
                String field = fields[header.indexOf(column)];
                String expected = row.get(column).isNull() ? "" : row.get(column).asText();
                if (!field.equals(expected)) {
                    inconsistencies.add("the CSV export of " + request.path() + " row " + i + " has " + column + " " + field + ", the answer " + expected);
                }
            }
        }
    }

    /** persons_reached in the IATI file: per quarter, in total and by sex, and the baseline; every figure a persons cell. */
    private void gatherIati()
    {
        exportRequests++;
        String xml = api.get("/api/v1/export/iati-results.xml", false);
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
        catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the IATI file is not XML", e);
        }
        NodeList indicators = document.getElementsByTagName("indicator");
        for (int i = 0; i < indicators.getLength(); i++) {
            Element indicator = (Element) indicators.item(i);
            Element reference = (Element) indicator.getElementsByTagName("reference").item(0);
            if (!reference.getAttribute("code").equals(PERSONS_REACHED)) {
                continue;
            }
            Element baseline = (Element) indicator.getElementsByTagName("baseline").item(0);
            iatiFigure(baseline.getAttribute("iso-date"), baseline);
            NodeList periods = indicator.getElementsByTagName("period");
            for (int p = 0; p < periods.getLength(); p++) {
                Element period = (Element) periods.item(p);
                String end = ((Element) period.getElementsByTagName("period-end").item(0)).getAttribute("iso-date");
                NodeList actuals = period.getElementsByTagName("actual");
                for (int a = 0; a < actuals.getLength(); a++) {
                    iatiFigure(end, (Element) actuals.item(a));
                }
            }
        }
    }

    private void iatiFigure(String date, Element figure)
    {
        Map<String, Set<String>> constraints = new TreeMap<>();
        NodeList dimensions = figure.getElementsByTagName("dimension");
        for (int d = 0; d < dimensions.getLength(); d++) {
            Element dimension = (Element) dimensions.item(d);
            constraints.put(dimension.getAttribute("name"), Set.of(dimension.getAttribute("value")));
        }
        String label = "IATI persons_reached " + date + " " + constraints;
        String key = key(Family.PERSONS, new Slice("", List.of(date)), new Selection(constraints, Set.of()));
        if (figure.hasAttribute("value")) {
            publish(key, Long.parseLong(figure.getAttribute("value")), label);
        }
        else {
            bound(key, 1, threshold - 1, label + " not published");
        }
    }

    // ---- the truth, from the manager's exact view, which the attacker never sees

    private Map<String, Long> truth()
    {
        Map<String, Long> truth = new HashMap<>();
        List<String> memberBy = List.of("district", "value_chain", "sex", "age_band");
        for (Map<String, String> time : List.of(Map.<String, String>of(), Map.of("as_of", secondAsOf.toString()),
                Map.of("grain", "quarter", "from", seriesFrom.toString()))) {
            JsonNode answer = managerAnswer(new Request("member_formalisation_rate", memberBy, Map.of(), time));
            for (JsonNode row : answer.get("rows")) {
                String date = slices(Family.MEMBERS, answer).stream().filter(slice -> slice.period.equals(row.path("period").asText("")))
                        .findFirst().orElseThrow().times().get(0);
                Map<String, String> coordinates = coordinates(row, memberBy);
                truth.put(grid.cell(Family.MEMBERS, date, coordinates, CellGrid.REGISTERED), row.get("numerator").asLong());
                truth.put(grid.cell(Family.MEMBERS, date, coordinates, CellGrid.ACTIVE), row.get("denominator").asLong());
            }
        }
        List<String> attendanceBy = List.of("district", "value_chain", "topic");
        JsonNode before = managerAnswer(new Request(ATTENDANCES, attendanceBy, Map.of(), Map.of("from", flowsFrom.toString(), "to",
                seriesFrom.minusDays(1).toString())));
        for (JsonNode row : before.get("rows")) {
            truth.put(grid.cell(Family.ATTENDANCES, "before-" + seriesFrom, coordinates(row, attendanceBy), null), row.get("value").asLong());
        }
        JsonNode quarters = managerAnswer(new Request(ATTENDANCES, attendanceBy, Map.of(), Map.of("grain", "quarter", "from", seriesFrom.toString())));
        for (JsonNode row : quarters.get("rows")) {
            truth.put(grid.cell(Family.ATTENDANCES, row.get("period").asText(), coordinates(row, attendanceBy), null), row.get("value").asLong());
        }
        return truth;
    }

    private static Map<String, String> coordinates(JsonNode row, List<String> dimensions)
    {
        Map<String, String> coordinates = new HashMap<>();
        for (String dimension : dimensions) {
            JsonNode value = row.get(dimension);
            coordinates.put(dimension, value == null || value.isNull() ? CellGrid.NONE : value.asText());
        }
        return coordinates;
    }

    private JsonNode managerAnswer(Request request)
    {
        managerRequests++;
        JsonNode answer = api.getJson(request.path(), true);
        seeValues(answer);
        return answer;
    }

    /**
     * The manager's view of a sample of the public requests: never suppressed, and every figure the exact sum of the
     * finest cells the attacker maps it to (this checks the attack's own reading of the API as well).
     */
    private List<String> checkManagerView(Set<Request> requests, Map<String, Long> truth)
    {
        List<String> mismatches = new ArrayList<>();
        int index = 0;
        for (Request request : requests) {
            if (index++ % MANAGER_CHECK_EVERY != 0) {
                continue;
            }
            JsonNode answer = managerAnswer(request);
            Family family = family(request.indicator());
            Map<String, Slice> slices = slices(family, answer).stream().collect(Collectors.toMap(Slice::period, Function.identity()));
            for (JsonNode row : answer.get("rows")) {
                if (row.get("suppressed").asBoolean()) {
                    mismatches.add("manager " + request.path() + " suppresses " + row);
                    continue;
                }
                if (family == Family.PERSONS) {
                    continue;
                }
                Map<String, Set<String>> constraints = new TreeMap<>();
                request.filter().forEach((dimension, value) -> constraints.put(dimension, Set.of(value)));
                for (JsonNode dimension : answer.get("by")) {
                    JsonNode value = row.get(dimension.asText());
                    constraints.merge(dimension.asText(), Set.of(value.isNull() ? CellGrid.NONE : value.asText()), PublicSurfaceAttack::intersection);
                }
                Slice slice = slices.get(row.path("period").asText(""));
                long count = exact(cellsOf(family, slice, denominatorOrCount(request.indicator(), constraints)), truth);
                long served = isRate(request.indicator()) ? row.get("denominator").asLong() : row.get("value").asLong();
                if (count != served) {
                    mismatches.add("manager " + request.path() + " " + row + ": the finest cells sum to " + count);
                }
                if (isRate(request.indicator())) {
                    long numerator = exact(cellsOf(family, slice, numerator(request.indicator(), constraints)), truth);
                    if (numerator != row.get("numerator").asLong()) {
                        mismatches.add("manager " + request.path() + " " + row + ": the numerator's finest cells sum to " + numerator);
                    }
                }
            }
        }
        return mismatches;
    }

    private static long exact(List<String> cells, Map<String, Long> truth)
    {
        long sum = 0;
        for (String cell : cells) {
            sum += truth.getOrDefault(cell, 0L);
        }
        return sum;
    }
}
