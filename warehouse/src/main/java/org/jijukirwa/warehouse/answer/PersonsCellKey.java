package org.jijukirwa.warehouse.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jijukirwa.warehouse.disclosure.CountRounding;
import org.jijukirwa.warehouse.indicator.Dimension;
import org.jijukirwa.warehouse.indicator.Fact;
import org.jijukirwa.warehouse.snapshot.ReferenceData;
import org.jijukirwa.warehouse.snapshot.ReferenceList.District;
import org.jijukirwa.warehouse.snapshot.ReferenceList.Province;

/**
 * The key of a persons_reached answer cell, as a SQL expression over the cell's by-columns: its canonical cell, written
 * as {@link CountRounding#constrainedCellKey} writes it. Persons do not add up over cells, so each answer cell is rounded
 * on its own; two requests that describe the same people must get the same key, or an attacker would get two draws
 * of one count. So: a province is written as its districts; a by value is intersected with the filters on its
 * dimension (the rows are filtered: the by value itself); a dimension constrained to all its values is dropped; no date.
 */
final class PersonsCellKey
{
    static final String MEASURE = "persons";

    private PersonsCellKey()
    {
    }

    static void append(SqlStatement sql, ResolvedQuery query, ReferenceData reference)
    {
        Map<String, Runnable> fragments = new TreeMap<>();
        Map<Dimension, List<String>> filters = query.filters();
        List<Dimension> by = query.by();

        Set<String> allDistricts = new TreeSet<>(reference.values(Dimension.DISTRICT));
        Set<String> districts = new TreeSet<>(allDistricts);
        if (filters.containsKey(Dimension.DISTRICT)) {
            districts.retainAll(filters.get(Dimension.DISTRICT));
        }
        if (filters.containsKey(Dimension.PROVINCE)) {
            districts.retainAll(districtsOf(reference, filters.get(Dimension.PROVINCE)));
        }
        String districtName = Dimension.DISTRICT.parameterName();
        if (by.contains(Dimension.DISTRICT)) {
            fragments.put(districtName, () -> column(sql, districtName, allDistricts.size() == 1));
        }
        else if (by.contains(Dimension.PROVINCE)) {
            fragments.put(districtName, () -> {
                sql.append("(case ").append(Dimension.PROVINCE.parameterName());
                for (Province province : reference.provinces()) {
                    Set<String> cell = new TreeSet<>(districts);
                    cell.retainAll(districtsOf(reference, List.of(province.name())));
                    sql.append(" when ").parameter(province.name(), "::varchar").append(" then ").parameter(fragment(districtName, cell, allDistricts), "::varchar");
                }
                // a province outside the reference list: named as such, never as another cell
                sql.append(" else '|province=' || coalesce(").append(Dimension.PROVINCE.parameterName()).append(", '') end)");
            });
        }
        else {
            fragments.put(districtName, () -> sql.parameter(fragment(districtName, districts, allDistricts), "::varchar"));
        }

        for (Dimension dimension : Fact.PERSON_STOCK.dimensions()) {
            if (dimension == Dimension.PROVINCE || dimension == Dimension.DISTRICT) {
                continue;
            }
            String name = dimension.parameterName();
            Set<String> all = new TreeSet<>(reference.values(dimension));
            if (by.contains(dimension)) {
                fragments.put(name, () -> column(sql, name, all.size() == 1));
            }
            else if (filters.containsKey(dimension)) {
                fragments.put(name, () -> sql.parameter(fragment(name, new TreeSet<>(filters.get(dimension)), all), "::varchar"));
            }
        }

        sql.append("(").parameter(Fact.PERSON_STOCK.tableName() + "|" + MEASURE, "::varchar");
        fragments.values().forEach(fragment -> {
            sql.append(" || ");
            fragment.run();
        });
        sql.append(")");
    }

    /** A by-column's value, or nothing when the dimension has one value only (constrained to all its values). */
    private static void column(SqlStatement sql, String name, boolean dropped)
    {
        if (dropped) {
            sql.append("''");
        }
        else {
            sql.append("('|").append(name).append("=' || coalesce(cast(").append(name).append(" as varchar), ''))");
        }
    }

    /** {@code |dimension=a,b,...} with the values sorted, or nothing when they are all the dimension's values. */
    private static String fragment(String name, Set<String> values, Set<String> all)
    {
        return values.containsAll(all) ? "" : "|" + name + "=" + String.join(",", new TreeSet<>(values));
    }

    private static Set<String> districtsOf(ReferenceData reference, List<String> provinces)
    {
        List<String> districts = new ArrayList<>();
        for (Province province : reference.provinces()) {
            if (provinces.contains(province.name())) {
                province.districts().stream().map(District::name).forEach(districts::add);
            }
        }
        return new TreeSet<>(districts);
    }
}
