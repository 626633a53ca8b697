package org.jijukirwa.warehouse.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jijukirwa.warehouse.answer.AnswerColumn;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Indicator;
import org.jijukirwa.warehouse.lineage.LineageJson;

import static java.util.Objects.requireNonNull;

/**
 * The {@code datapackage.json} of an exported answer: a Frictionless Tabular Data Package with one Tabular
 * Data Resource (the CSV of {@link AnswerCsvWriter}) and its Table Schema, built from the same
 * {@link AnswerHeading#columns()} as the CSV. Besides the standard properties it carries the indicator's
 * definition, the query, the snapshot and the suppression rule, so that the files explain themselves.
 */
public final class DataPackage
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode descriptor;

    private DataPackage(ObjectNode descriptor)
    {
        this.descriptor = descriptor;
    }

    /** A licence as Frictionless writes it, e.g. CC-BY-4.0, "Creative Commons Attribution 4.0", its URL. */
    public record Licence(String name, String title, String path)
    {
        public Licence
        {
            requireNonNull(name, "name is null");
            requireNonNull(title, "title is null");
            requireNonNull(path, "path is null");
        }
    }

    /** Who publishes the figures; path and email may be empty. */
    public record Producer(String title, Optional<String> path, Optional<String> email)
    {
        public Producer
        {
            requireNonNull(title, "title is null");
            requireNonNull(path, "path is null");
            requireNonNull(email, "email is null");
        }
    }

    public static DataPackage describe(AnswerHeading heading, String csvPath, Licence licence, Producer producer, Instant created)
    {
        requireNonNull(heading, "heading is null");
        requireNonNull(csvPath, "csvPath is null");
        requireNonNull(licence, "licence is null");
        requireNonNull(producer, "producer is null");
        requireNonNull(created, "created is null");
        Indicator indicator = heading.indicator();
        String baseName = ExportNames.baseName(heading);

        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "tabular-data-package");
        // a package name is lower case: [a-z0-9._/-]
        root.put("name", baseName.replace('_', '-').toLowerCase(Locale.ROOT));
        root.put("title", title(heading));
        root.put("description", indicator.label() + ": " + indicator.definition() + ". Computed by Jijukirwa from snapshot "
                + heading.snapshot().id() + " of the programme's warehouse.");
        root.put("version", heading.snapshot().id());
        root.put("created", created.toString());
        ObjectNode licenceNode = root.putArray("licenses").addObject();
        licenceNode.put("name", licence.name());
        licenceNode.put("title", licence.title());
        licenceNode.put("path", licence.path());
        ObjectNode contributor = root.putArray("contributors").addObject();
        contributor.put("title", producer.title());
        contributor.put("role", "publisher");
        producer.path().ifPresent(path -> contributor.put("path", path));
        producer.email().ifPresent(email -> contributor.put("email", email));
        root.putArray("keywords").add("cooperatives").add("informal workers").add("Rwanda").add(indicator.id());

        ObjectNode resource = root.putArray("resources").addObject();
        resource.put("profile", "tabular-data-resource");
        resource.put("name", indicator.id());
        resource.put("path", csvPath);
        resource.put("title", title(heading));
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        ObjectNode dialect = resource.putObject("dialect");
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\r\n");
        dialect.put("quoteChar", "\"");
        dialect.put("doubleQuote", true);
        dialect.put("header", true);
        ObjectNode schema = resource.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (AnswerColumn column : heading.columns()) {
            ObjectNode field = fields.addObject();
            field.put("name", column.name());
            field.put("type", column.type().tableSchemaType());
            field.put("description", column.description());
            if (column.type() == AnswerColumn.Type.BOOLEAN) {
                field.putArray("trueValues").add("true");
                field.putArray("falseValues").add("false");
            }
        }
        // an empty field is a null: a rate without denominator, a count's denominator
        schema.putArray("missingValues").add("");
        if (!heading.keyColumns().isEmpty()) {
            ArrayNode primaryKey = schema.putArray("primaryKey");
            heading.keyColumns().forEach(primaryKey::add);
        }

        ObjectNode definition = root.putObject("indicator");
        definition.put("id", indicator.id());
        definition.put("label", indicator.label());
        definition.put("definition", indicator.definition());
        definition.put("kind", indicator.kind().jsonName());
        definition.put("unit", indicator.unit().jsonName());
        ArrayNode dimensions = definition.putArray("dimensions");
        indicator.dimensionNames().forEach(dimensions::add);
        definition.put("counts_persons", indicator.countsPersons());
        definition.put("evaluation", LineageJson.dateRule(indicator.kind()));

        ObjectNode query = root.putObject("query");
        ArrayNode by = query.putArray("by");
        heading.byNames().forEach(by::add);
        putDate(query, "as_of", heading.asOf());
        putDate(query, "from", heading.from());
        putDate(query, "to", heading.to());
        heading.grain().ifPresent(grain -> query.put("grain", grain.parameterValue()));
        ObjectNode filters = query.putObject("filters");
        for (Map.Entry<Dimension, List<String>> filter : heading.filters().entrySet()) {
            ArrayNode values = filters.putArray(filter.getKey().parameterName());
            filter.getValue().forEach(values::add);
        }

        ObjectNode snapshot = root.putObject("snapshot");
        snapshot.put("id", heading.snapshot().id());
        snapshot.put("as_of", heading.snapshot().asOf().toString());
        snapshot.put("finished_at", heading.snapshot().finishedAt().toString());

        ObjectNode suppression = root.putObject("suppression");
        suppression.put("applied", heading.suppressionApplied());
        suppression.put("k", heading.suppressionThreshold());
        suppression.put("audience", heading.audience().name().toLowerCase(Locale.ROOT));
        // "suppression" keeps its name for older readers; "applied" says whether this file's person counts are protected
        suppression.put("rule", "Public figures of indicators that count persons (members_active, member_formalisation_rate, women_share, "
                + "youth_share, persons_reached, attendances) are protected by keyed random rounding to base k (k = " + heading.suppressionThreshold()
                + "): each finest cell (members per date, district, value chain, sex and age band; attendances per day and cell) is rounded once "
                + "to a multiple of k, and every count is a sum of those protected cells, so tables add up and no combination of public figures "
                + "reveals 1 to k-1 people. Rates are protected numerator / protected denominator; rows whose protected count is 0 are omitted. "
                + "persons_reached is rounded per cell. Nothing is suppressed (suppressed is always false). Managers see exact figures; "
                + "cooperatives, sessions, visits, targets and days are exact for everyone. See docs/disclosure.md.");
        try {
            root.set("lineage", JSON.readTree(LineageJson.toJson(heading.lineage())));
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException("cannot add the lineage to the data package", e);
        }
        return new DataPackage(root);
    }

    public ObjectNode descriptor()
    {
        return descriptor.deepCopy();
    }

    /** The descriptor as indented UTF-8 JSON. */
    public byte[] toJson()
    {
        try {
            return JSON.writeValueAsBytes(descriptor);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the data package descriptor", e);
        }
    }

    private static String title(AnswerHeading heading)
    {
        StringBuilder title = new StringBuilder(heading.indicator().label());
        if (!heading.by().isEmpty()) {
            title.append(" by ").append(String.join(", ", heading.byNames()).replace('_', ' '));
        }
        heading.grain().ifPresent(grain -> title.append(", per ").append(grain.parameterValue()));
        if (heading.asOf().isPresent()) {
            title.append(", as of ").append(heading.asOf().get());
        }
        else {
            title.append(", ").append(heading.from().orElseThrow()).append(" to ").append(heading.to().orElseThrow());
        }
        return title.toString();
    }

    private static void putDate(ObjectNode node, String name, Optional<LocalDate> date)
    {
        date.ifPresent(value -> node.put(name, value.toString()));
    }
}
