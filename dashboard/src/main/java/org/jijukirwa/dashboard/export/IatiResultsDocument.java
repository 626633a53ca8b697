package org.jijukirwa.dashboard.export;

import jakarta.inject.Singleton;
import org.jijukirwa.warehouse.Deadline;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.answer.Audience;
import org.jijukirwa.warehouse.answer.IndicatorAnswer;
import org.jijukirwa.warehouse.indicator.Grain;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.indicator.IndicatorKind;
import org.jijukirwa.warehouse.indicator.IndicatorQuery;
import org.jijukirwa.warehouse.indicator.IndicatorUnit;
import org.jijukirwa.warehouse.indicator.InvalidParameterException;
import org.jijukirwa.warehouse.indicator.Period;
import org.jijukirwa.warehouse.snapshot.SnapshotInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import static java.util.Objects.requireNonNull;

/**
 * The programme's results as an IATI 2.03 activity file: one activity whose results carry baseline,
 * target and actual per quarter or year, with the public (protected) figures of the indicator API.
 * A stock's baseline is its value the day before {@code from}; a flow's is its count in the calendar
 * period just before {@code from}. Targets are the denominators of the target-attainment indicators.
 */
@Singleton
public final class IatiResultsDocument
{
    static final String FROM = "from";
    static final String TO = "to";
    static final String GRAIN = "grain";

    /** IATI code lists: IndicatorMeasure 1 unit, 2 percentage; ResultType 1 output, 2 outcome. */
    private static final String UNIT = "1";
    private static final String PERCENTAGE = "2";
    private static final String OUTPUT = "1";
    private static final String OUTCOME = "2";
    private static final String PROTECTED = "; counts of people are protected: rounded to multiples of %d from the finest cells "
            + "(see the programme's disclosure rule)";

    private final Warehouse warehouse;
    private final IatiConfiguration configuration;

    public IatiResultsDocument(Warehouse warehouse, IatiConfiguration configuration)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    /**
     * The XML document for the raw query parameters {@code from}, {@code to} (defaults as for a time series)
     * and {@code grain} (quarter, the default, or year); its every query and its writing share one deadline.
     *
     * @throws InvalidParameterException naming a parameter that is unknown or malformed
     * @throws org.jijukirwa.warehouse.WarehouseBusyException past the deadline
     */
    public byte[] write(Map<String, String> parameters, Instant generatedAt, Deadline deadline)
    {
        requireNonNull(deadline, "deadline is null");
        for (String name : parameters.keySet()) {
            if (!Set.of(FROM, TO, GRAIN).contains(name)) {
                throw new InvalidParameterException(name, "'" + name + "' is not a parameter of the IATI export; use from, to and grain.");
            }
        }
        Map<String, String> series = new LinkedHashMap<>(parameters);
        String grainValue = series.getOrDefault(GRAIN, "");
        if (grainValue.isBlank()) {
            series.put(GRAIN, Grain.QUARTER.parameterValue());
        }
        else if (!Set.of("quarter", "year").contains(grainValue.trim())) {
            throw new InvalidParameterException(GRAIN, "'" + grainValue + "' is not a grain of the IATI export; use quarter or year.");
        }
        // a document reads one snapshot: if a new one was published while it was being made, make it again
        for (int attempt = 1; ; attempt++) {
            Optional<String> before = warehouse.snapshot().map(SnapshotInfo::id);
            byte[] document = document(series, generatedAt, deadline);
            deadline.check();
            if (before.equals(warehouse.snapshot().map(SnapshotInfo::id)) || attempt == 3) {
                return document;
            }
        }
    }

    private byte[] document(Map<String, String> series, Instant generatedAt, Deadline deadline)
    {
        // the cooperatives' series resolves the defaults of from and to, as the indicator API does
        IndicatorAnswer formed = ask("coops_formed", series, deadline);
        Grain grain = formed.grain().orElseThrow();
        LocalDate from = formed.from().orElseThrow();
        LocalDate to = formed.to().orElseThrow();
        Map<String, String> range = Map.of(FROM, from.toString(), TO, to.toString(), GRAIN, grain.parameterValue());
        List<Period> periods = Period.series(grain, from, to);
        SnapshotInfo snapshot = warehouse.snapshot().orElseThrow();

        Document document = newDocument();
        Element activities = document.createElement("iati-activities");
        document.appendChild(activities);
        activities.setAttribute("version", "2.03");
        activities.setAttribute("generated-datetime", generatedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        Element activity = child(activities, "iati-activity");
        activity.setAttribute("last-updated-datetime", snapshot.finishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        activity.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
        text(activity, "iati-identifier", configuration.identifier());
        Element reporting = child(activity, "reporting-org");
        reporting.setAttribute("ref", configuration.reportingOrganisationReference());
        reporting.setAttribute("type", configuration.reportingOrganisationType());
        narrative(reporting, configuration.reportingOrganisationName());
        narrative(child(activity, "title"), configuration.title());
        Element description = child(activity, "description");
        description.setAttribute("type", "1");
        narrative(description, configuration.description());
        Element participating = child(activity, "participating-org");
        participating.setAttribute("ref", configuration.reportingOrganisationReference());
        participating.setAttribute("type", configuration.reportingOrganisationType());
        participating.setAttribute("role", "4");
        narrative(participating, configuration.reportingOrganisationName());
        child(activity, "activity-status").setAttribute("code", configuration.activityStatus());
        Element started = child(activity, "activity-date");
        started.setAttribute("type", "2");
        started.setAttribute("iso-date", Optional.ofNullable(configuration.startDate()).orElse(from).toString());
        Element country = child(activity, "recipient-country");
        country.setAttribute("code", configuration.recipientCountry());
        country.setAttribute("percentage", "100");

        Element cooperatives = result(activity, OUTPUT, "Cooperatives formed and registered",
                "Informal workers' groups formed into cooperatives and registered with the Rwanda Cooperative Agency.");
        indicator(cooperatives, "coops_formed", range, from, grain, periods, Optional.of("formation_target_attainment"), false, deadline);
        indicator(cooperatives, "coops_registered", range, from, grain, periods, Optional.of("registration_target_attainment"), false, deadline);
        indicator(cooperatives, "formalisation_rate", range, from, grain, periods, Optional.empty(), false, deadline);
        Element training = result(activity, OUTPUT, "Training delivered", "Training sessions held for cooperative members and leaders.");
        indicator(training, "training_sessions", range, from, grain, periods, Optional.of("training_target_attainment"), false, deadline);
        Element members = result(activity, OUTCOME, "Members reached",
                "Persons who are active members of the programme's cooperatives, by sex.");
        indicator(members, "persons_reached", range, from, grain, periods, Optional.empty(), true, deadline);
        return serialise(document);
    }

    private Element result(Element activity, String type, String title, String description)
    {
        Element result = child(activity, "result");
        result.setAttribute("type", type);
        narrative(child(result, "title"), title);
        narrative(child(result, "description"), description);
        return result;
    }

    private void indicator(Element result, String indicatorId, Map<String, String> range, LocalDate from, Grain grain, List<Period> periods,
            Optional<String> targetIndicator, boolean bySex, Deadline deadline)
    {
        Indicator definition = warehouse.catalogue().find(indicatorId).orElseThrow();
        boolean percentage = definition.unit() == IndicatorUnit.RATE;
        Element indicator = child(result, "indicator");
        indicator.setAttribute("measure", percentage ? PERCENTAGE : UNIT);
        indicator.setAttribute("ascending", "1");
        narrative(child(indicator, "title"), definition.label());
        String evaluation = definition.kind() == IndicatorKind.STOCK ? "; D is the last day of the period" : "; range: the period";
        String protection = definition.countsPersons() && warehouse.suppressionThreshold() >= 2 ? PROTECTED.formatted(warehouse.suppressionThreshold()) : "";
        narrative(child(indicator, "description"), definition.definition() + evaluation + protection + (percentage ? "; as a percentage." : "."));
        Element reference = child(indicator, "reference");
        reference.setAttribute("vocabulary", "99");
        reference.setAttribute("code", definition.id());

        baseline(indicator, definition, from, grain, deadline);

        Map<String, AnswerRow> actuals = byPeriod(ask(indicatorId, range, deadline).rows());
        Map<String, AnswerRow> targets = targetIndicator.map(id -> byPeriod(ask(id, range, deadline).rows())).orElse(Map.of());
        Map<String, List<AnswerRow>> actualsBySex = new LinkedHashMap<>();
        if (bySex) {
            Map<String, String> bySexRange = new LinkedHashMap<>(range);
            bySexRange.put(IndicatorQuery.BY, "sex");
            for (AnswerRow row : ask(indicatorId, bySexRange, deadline).rows()) {
                actualsBySex.computeIfAbsent(row.cells().get("period"), ignored -> new ArrayList<>()).add(row);
            }
        }
        for (Period period : periods) {
            String key = period.key().orElseThrow();
            Element element = child(indicator, "period");
            child(element, "period-start").setAttribute("iso-date", period.from().toString());
            child(element, "period-end").setAttribute("iso-date", period.to().toString());
            AnswerRow target = targets.get(key);
            if (target != null && target.denominator() != null) {
                child(element, "target").setAttribute("value", plain(target.denominator()));
            }
            figure(child(element, "actual"), actuals.get(key), percentage, Optional.empty(), Optional.empty());
            for (AnswerRow row : actualsBySex.getOrDefault(key, List.of())) {
                figure(child(element, "actual"), row, percentage, Optional.of(row.cells().get("sex")), Optional.empty());
            }
        }
    }

    private void baseline(Element indicator, Indicator definition, LocalDate from, Grain grain, Deadline deadline)
    {
        LocalDate dayBefore = from.minusDays(1);
        IndicatorAnswer answer;
        String comment;
        if (definition.kind() == IndicatorKind.STOCK) {
            answer = ask(definition.id(), Map.of(IndicatorQuery.AS_OF, dayBefore.toString()), deadline);
            comment = "As of " + dayBefore + ".";
        }
        else {
            LocalDate start = switch (grain) {
                case MONTH -> dayBefore.withDayOfMonth(1);
                case QUARTER -> LocalDate.of(dayBefore.getYear(), (dayBefore.getMonthValue() - 1) / 3 * 3 + 1, 1);
                case YEAR -> dayBefore.withDayOfYear(1);
            };
            answer = ask(definition.id(), Map.of(FROM, start.toString(), TO, dayBefore.toString()), deadline);
            comment = "Count from " + start + " to " + dayBefore + ", the period before the first reported.";
        }
        Element baseline = child(indicator, "baseline");
        baseline.setAttribute("year", Integer.toString(dayBefore.getYear()));
        baseline.setAttribute("iso-date", dayBefore.toString());
        figure(baseline, answer.rows().isEmpty() ? null : answer.rows().get(0), definition.unit() == IndicatorUnit.RATE, Optional.empty(),
                Optional.of(comment));
    }

    /**
     * Sets the value of a baseline, target or actual, with its sex dimension and one comment (the note given,
     * given). No row is a zero count, or a rate without value.
     */
    private void figure(Element element, AnswerRow row, boolean percentage, Optional<String> sex, Optional<String> note)
    {
        sex.ifPresent(value -> {
            Element dimension = child(element, "dimension");
            dimension.setAttribute("name", "sex");
            dimension.setAttribute("value", value);
        });
        List<String> comments = new ArrayList<>();
        note.ifPresent(comments::add);
        if (row == null) {
            if (!percentage) {
                element.setAttribute("value", "0");
            }
        }
        else if (row.value() != null) {
            element.setAttribute("value", percentage ? percent(row.value()) : plain(row.value()));
        }
        if (!comments.isEmpty()) {
            narrative(child(element, "comment"), String.join(" ", comments));
        }
    }

    private IndicatorAnswer ask(String indicatorId, Map<String, String> parameters, Deadline deadline)
    {
        return warehouse.answer(IndicatorQuery.parse(indicatorId, parameters), Audience.PUBLIC, deadline);
    }

    private static Map<String, AnswerRow> byPeriod(List<AnswerRow> rows)
    {
        Map<String, AnswerRow> byPeriod = new LinkedHashMap<>();
        rows.forEach(row -> byPeriod.put(row.cells().get("period"), row));
        return byPeriod;
    }

    /** A rate as a percentage with two decimals at most: 0.625 is 62.5. */
    static String percent(Number rate)
    {
        return BigDecimal.valueOf(rate.doubleValue()).movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String plain(Number number)
    {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    private static Element child(Element parent, String name)
    {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Element parent, String name, String text)
    {
        child(parent, name).setTextContent(text);
    }

    private static void narrative(Element parent, String text)
    {
        text(parent, "narrative", text);
    }

    private static Document newDocument()
    {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        }
        catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    private static byte[] serialise(Document document)
    {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(output));
            return output.toByteArray();
        }
        catch (TransformerException e) {
            throw new IllegalStateException("cannot write the IATI document", e);
        }
    }
}
