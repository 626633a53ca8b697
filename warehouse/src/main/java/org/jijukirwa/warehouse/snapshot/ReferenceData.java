package org.jijukirwa.warehouse.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.snapshot.ReferenceList.District;
import org.jijukirwa.warehouse.snapshot.ReferenceList.Labelled;
import org.jijukirwa.warehouse.snapshot.ReferenceList.Province;
import org.jijukirwa.warehouse.snapshot.ReferenceList.Target;

import static java.util.Objects.requireNonNull;

/** The reference data of one snapshot, read once when it loads: the values a filter may take, and the lists the API serves. */
public record ReferenceData(List<Province> provinces, List<Labelled> valueChains, List<Labelled> topics, List<Target> targets)
{
    static final List<String> SEXES = List.of("F", "M", "U");
    static final List<String> AGE_BANDS = List.of("16-30", "31-45", "46-60", "61+", "unknown");

    public ReferenceData
    {
        provinces = List.copyOf(requireNonNull(provinces, "provinces is null"));
        valueChains = List.copyOf(requireNonNull(valueChains, "valueChains is null"));
        topics = List.copyOf(requireNonNull(topics, "topics is null"));
        targets = List.copyOf(requireNonNull(targets, "targets is null"));
    }

    static ReferenceData load(Connection connection)
            throws SQLException
    {
        Map<String, Province> provinces = new LinkedHashMap<>();
        Map<String, List<District>> districts = new LinkedHashMap<>();
        Map<String, District> districtsByCode = new LinkedHashMap<>();
        for (List<String> row : rows(connection, """
                select province_code, province, district_code, district
                from dim_districts
                where district_code is not null and district is not null and province is not null
                order by province_code, district_code""")) {
            District district = new District(row.get(3), row.get(2));
            districtsByCode.put(district.code(), district);
            districts.computeIfAbsent(row.get(1), ignored -> new ArrayList<>()).add(district);
            provinces.putIfAbsent(row.get(1), new Province(row.get(1), row.get(0), List.of()));
        }
        List<Province> provinceList = provinces.values().stream()
                .map(province -> new Province(province.name(), province.code(), districts.get(province.name())))
                .toList();
        // value chains and topics have no natural order: they keep the order of the reference file the snapshot copied
        List<Labelled> valueChains = rows(connection, """
                select value_chain, coalesce(label, value_chain) from raw.value_chains where value_chain is not null order by rowid""")
                .stream().map(row -> new Labelled(row.get(0), row.get(1))).toList();
        List<Labelled> topics = rows(connection, """
                select topic, coalesce(label, topic) from raw.topics where topic is not null order by rowid""")
                .stream().map(row -> new Labelled(row.get(0), row.get(1))).toList();
        List<Target> targets = new ArrayList<>();
        for (List<String> row : rows(connection, """
                select target, district_code, cast(target_value as varchar)
                from stg_targets
                where target is not null and target_value is not null
                order by target, district_code nulls first""")) {
            Optional<District> district = Optional.ofNullable(row.get(1)).map(code -> districtsByCode.getOrDefault(code, new District(code, code)));
            targets.add(new Target(row.get(0), district, Double.parseDouble(row.get(2))));
        }
        return new ReferenceData(provinceList, valueChains, topics, targets);
    }

    /** The value as the API names it (names and codes match case-insensitively), empty when unknown. */
    public Optional<String> canonical(Dimension dimension, String value)
    {
        String wanted = value.trim();
        return values(dimension).stream()
                .filter(known -> known.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The values a filter on a dimension may take, sorted for error messages. */
    public List<String> values(Dimension dimension)
    {
        Stream<String> values = switch (dimension) {
            case PROVINCE -> provinces.stream().map(Province::name);
            case DISTRICT -> provinces.stream().flatMap(province -> province.districts().stream()).map(District::name);
            case VALUE_CHAIN -> valueChains.stream().map(Labelled::code);
            case TOPIC -> topics.stream().map(Labelled::code);
            case SEX -> SEXES.stream();
            case AGE_BAND -> AGE_BANDS.stream();
        };
        return dimension == Dimension.SEX || dimension == Dimension.AGE_BAND ? values.toList() : values.distinct().sorted().toList();
    }

    public ReferenceList list(String snapshotId)
    {
        return new ReferenceList(snapshotId, provinces, valueChains, topics, SEXES, AGE_BANDS, targets);
    }

    private static List<List<String>> rows(Connection connection, String sql)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
