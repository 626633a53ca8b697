package org.jijukirwa.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The values a filter may take in one snapshot, as the API shows them. */
record ReferenceData(List<String> provinces, List<String> districts, List<String> valueChains, List<String> topics)
{
    static final List<String> SEXES = List.of("F", "M", "U");
    static final List<String> AGE_BANDS = List.of("16-30", "31-45", "46-60", "61+", "unknown");

    ReferenceData
    {
        provinces = List.copyOf(requireNonNull(provinces, "provinces is null"));
        districts = List.copyOf(requireNonNull(districts, "districts is null"));
        valueChains = List.copyOf(requireNonNull(valueChains, "valueChains is null"));
        topics = List.copyOf(requireNonNull(topics, "topics is null"));
    }

    static ReferenceData load(Connection connection)
            throws SQLException
    {
        return new ReferenceData(
                strings(connection, "select distinct province from dim_districts where province is not null order by 1"),
                strings(connection, "select distinct district from dim_districts where district is not null order by 1"),
                strings(connection, "select distinct value_chain from stg_value_chains where value_chain is not null order by 1"),
                strings(connection, "select distinct topic from stg_topics where topic is not null order by 1"));
    }

    /** The value as the API names it (names and codes match case-insensitively), empty when unknown. */
    Optional<String> canonical(Dimension dimension, String value)
    {
        String wanted = value.trim();
        return values(dimension).stream()
                .filter(known -> known.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    List<String> values(Dimension dimension)
    {
        return switch (dimension) {
            case PROVINCE -> provinces;
            case DISTRICT -> districts;
            case VALUE_CHAIN -> valueChains;
            case TOPIC -> topics;
            case SEX -> SEXES;
            case AGE_BAND -> AGE_BANDS;
        };
    }

    private static List<String> strings(Connection connection, String sql)
            throws SQLException
    {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                values.add(resultSet.getString(1));
            }
        }
        return values;
    }
}
