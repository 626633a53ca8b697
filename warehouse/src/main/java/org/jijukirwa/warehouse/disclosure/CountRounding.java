package org.jijukirwa.warehouse.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The keyed random rounding of person counts for the public (docs/disclosure.md), as DuckDB macros:
 * {@link #install} defines {@code protected_count(value, base, key_text)} in a database, keyed by the secret this
 * object holds; {@link #cellKey} writes the {@code key_text} of a cell. The secret never appears in an answer; whoever
 * knows it can recompute every draw, so it is configuration, kept like the HMAC key of national IDs.
 */
public final class CountRounding
{
    private static final String RESOURCE = "/sql/disclosure/protected_count.sql";

    private final String secret;

    public CountRounding(String secret)
    {
        requireNonNull(secret, "secret is null");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the disclosure secret is blank: without a secret anyone could compute the rounding");
        }
        this.secret = secret;
    }

    /**
     * Defines {@code disclosure_secret()}, {@code protected_count_draw(value, key_text)} and
     * {@code protected_count(value, base, key_text)} in the connection's database (visible to its duplicates),
     * replacing earlier definitions.
     */
    public void install(Connection connection)
            throws SQLException
    {
        requireNonNull(connection, "connection is null");
        try (Statement statement = connection.createStatement()) {
            // a macro body cannot take a prepared parameter: the secret goes in as a quoted literal
            statement.execute("create or replace macro disclosure_secret() as '" + secret.replace("'", "''") + "'");
            statement.execute(resource());
        }
    }

    /**
     * The {@code key_text} of a base cell: {@code fact|measure|dimension=value|...}, dimensions in name order, and never
     * the date of a stock (the same cell with the same value rounds the same on every date, so a series cannot be
     * averaged). The day of a flow's events is a coordinate of its base cell (see {@link BaseCells}).
     */
    public static String cellKey(String fact, String measure, Map<String, String> coordinates)
    {
        requireNonNull(coordinates, "coordinates is null");
        SortedMap<String, String> sorted = new TreeMap<>();
        coordinates.forEach((dimension, value) -> sorted.put(dimension, value == null ? "" : value));
        return key(fact, measure, sorted);
    }

    /**
     * A SQL expression that writes {@link #cellKey} of each row from its columns (named as the coordinates): the same
     * text, a null column as the empty string. The columns are identifiers of the caller's own, never request values.
     */
    public static String cellKeySql(String fact, String measure, Collection<String> columns)
    {
        requireNonNull(columns, "columns is null");
        StringJoiner sql = new StringJoiner(" || ");
        sql.add(literal(requireNonNull(fact, "fact is null") + "|" + requireNonNull(measure, "measure is null")));
        for (String column : new TreeSet<>(columns)) {
            if (!column.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
            sql.add(literal("|" + column + "=")).add("coalesce(cast(" + column + " as varchar), '')");
        }
        return sql.toString();
    }

    /**
     * The {@code key_text} of an answer cell of a count that does not add up over cells (persons_reached): its
     * canonical cell, each constrained dimension with its values sorted and comma-separated, dimensions in name order,
     * no date. Two requests that constrain the same people the same way (a by value or a filter) get the same key.
     */
    public static String constrainedCellKey(String fact, String measure, Map<String, ? extends Collection<String>> constraints)
    {
        requireNonNull(constraints, "constraints is null");
        SortedMap<String, String> sorted = new TreeMap<>();
        constraints.forEach((dimension, values) -> sorted.put(dimension, String.join(",", new TreeSet<>(values))));
        return key(fact, measure, sorted);
    }

    private static String key(String fact, String measure, SortedMap<String, String> coordinates)
    {
        StringJoiner key = new StringJoiner("|");
        key.add(requireNonNull(fact, "fact is null")).add(requireNonNull(measure, "measure is null"));
        coordinates.forEach((dimension, value) -> key.add(dimension + "=" + value));
        return key.toString();
    }

    private static String literal(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String resource()
    {
        try (InputStream input = CountRounding.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("missing SQL resource " + RESOURCE);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + RESOURCE, e);
        }
    }
}
