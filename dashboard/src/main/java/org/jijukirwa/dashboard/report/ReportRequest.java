package org.jijukirwa.dashboard.report;

import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.snapshot.ReferenceList;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A validated request for the report: a period (a quarter {@code 2020-Q4} or a year {@code 2020}; default the quarter of
 * the data's as-of date, chosen by the page), a place ({@code programme}, a province or a district of the served
 * reference data; default the programme) and a language ({@code en}, {@code fr}, {@code rw}).
 */
public record ReportRequest(Optional<String> period, Optional<String> place, Optional<String> language)
{
    public static final String PERIOD = "period";
    public static final String PLACE = "place";
    public static final String LANGUAGE = "lang";
    static final List<String> LANGUAGES = List.of("en", "fr", "rw");
    static final String PROGRAMME = "programme";

    private static final Pattern PERIOD_PATTERN = Pattern.compile("(\\d{4})(-Q([1-4]))?");
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    public ReportRequest
    {
        requireNonNull(period, "period is null");
        requireNonNull(place, "place is null");
        requireNonNull(language, "language is null");
    }

    /**
     * From the query parameters, against the served reference data and as-of date (both empty before the first
     * snapshot, when only the form of the parameters is checked); throws {@link InvalidParameterException} naming the
     * parameter at fault.
     */
    public static ReportRequest parse(Map<String, String> parameters, Optional<ReferenceList> reference, Optional<LocalDate> asOf)
    {
        for (String name : parameters.keySet()) {
            if (!Set.of(PERIOD, PLACE, LANGUAGE).contains(name)) {
                throw new InvalidParameterException(name, "'" + name + "' is not a parameter of the report; use period, place and lang.");
            }
        }
        Optional<String> period = text(parameters, PERIOD);
        period.ifPresent(value -> checkPeriod(value, asOf));
        Optional<String> place = text(parameters, PLACE);
        place.ifPresent(value -> checkPlace(value, reference));
        Optional<String> language = text(parameters, LANGUAGE);
        if (language.isPresent() && !LANGUAGES.contains(language.get())) {
            throw new InvalidParameterException(LANGUAGE, "'" + language.get() + "' is not a language of the report; use one of "
                    + String.join(", ", LANGUAGES) + ".");
        }
        return new ReportRequest(period, place, language);
    }

    /** The first day of a period such as {@code 2020-Q4} or {@code 2020}. */
    static LocalDate firstDay(String period)
    {
        Matcher matcher = PERIOD_PATTERN.matcher(period);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a period: " + period);
        }
        int year = Integer.parseInt(matcher.group(1));
        int quarter = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    private static void checkPeriod(String period, Optional<LocalDate> asOf)
    {
        Matcher matcher = PERIOD_PATTERN.matcher(period);
        if (!matcher.matches()) {
            throw new InvalidParameterException(PERIOD, "'" + period + "' is not a period; write a quarter as 2020-Q4 or a year as 2020.");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidParameterException(PERIOD, "'" + period + "' is out of range; the period's year must lie between "
                    + FIRST_YEAR + " and " + LAST_YEAR + ".");
        }
        if (asOf.isPresent() && firstDay(period).isAfter(asOf.get())) {
            throw new InvalidParameterException(PERIOD, "'" + period + "' starts after the data, which are as of " + asOf.get()
                    + "; choose a period up to that date.");
        }
    }

    private static void checkPlace(String place, Optional<ReferenceList> reference)
    {
        if (place.equals(PROGRAMME) || reference.isEmpty()) {
            return;
        }
        List<ReferenceList.Province> provinces = reference.get().provinces();
        boolean known = provinces.stream().anyMatch(province -> province.name().equals(place))
                || provinces.stream().flatMap(province -> province.districts().stream()).anyMatch(district -> district.name().equals(place));
        if (!known) {
            String names = Stream.concat(provinces.stream().map(ReferenceList.Province::name), Stream.of("or a district such as "
                    + provinces.get(0).districts().get(0).name())).reduce((first, second) -> first + ", " + second).orElse("");
            throw new InvalidParameterException(PLACE, "'" + place + "' is neither a province nor a district; use programme, " + names + ".");
        }
    }

    private static Optional<String> text(Map<String, String> parameters, String name)
    {
        String raw = parameters.get(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.trim());
    }

    /** The query string of the report page for this request, e.g. {@code period=2020-Q4&place=Gasabo&lang=fr}. */
    String queryString()
    {
        StringBuilder query = new StringBuilder();
        period.ifPresent(value -> append(query, PERIOD, value));
        place.ifPresent(value -> append(query, PLACE, value));
        language.ifPresent(value -> append(query, LANGUAGE, value));
        return query.toString();
    }

    /** A file name for the PDF, e.g. {@code jijukirwa-report-2020-Q4-gasabo-fr.pdf}. */
    String fileName()
    {
        String placePart = place.orElse(PROGRAMME).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return "jijukirwa-report-" + period.orElse("latest") + "-" + placePart + "-" + language.orElse("en") + ".pdf";
    }

    private static void append(StringBuilder query, String name, String value)
    {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
}
