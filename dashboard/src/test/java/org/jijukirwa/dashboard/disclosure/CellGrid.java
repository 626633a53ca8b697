package org.jijukirwa.dashboard.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The finest public cells of the person-counting facts, as the attacker sees them: the values of each dimension
 * (from the reference data and every answer), and the finest cells a constrained cell is made of. A province is a
 * set of districts; a null dimension value in an answer is the value {@link #NONE}.
 * <ul>
 * <li>members, per date: district x value_chain x sex x age_band x measure, the measures being {@code A} (active
 * members) and {@code R} (those of registered cooperatives): only member_formalisation_rate's numerator counts R, so
 * the two make separate systems of equations;</li>
 * <li>attendances, per time slice: district x value_chain x topic.</li>
 * </ul>
 */
public final class CellGrid
{
    public static final String NONE = "(none)";
    public static final String ACTIVE = "A";
    public static final String REGISTERED = "R";
    public static final List<String> MEMBER_DIMENSIONS = List.of("district", "value_chain", "sex", "age_band");
    public static final List<String> ATTENDANCE_DIMENSIONS = List.of("district", "value_chain", "topic");

    private final Map<String, Set<String>> domains = new TreeMap<>();
    private final Map<String, Set<String>> districtsOfProvince = new TreeMap<>();
    private final Map<String, String> interned = new HashMap<>();

    public CellGrid(Map<String, List<String>> districtsByProvince, List<String> valueChains, List<String> sexes, List<String> ageBands,
            List<String> topics)
    {
        requireNonNull(districtsByProvince, "districtsByProvince is null");
        districtsByProvince.forEach((province, districts) -> districtsOfProvince.put(province, new TreeSet<>(districts)));
        domains.put("province", new TreeSet<>(districtsByProvince.keySet()));
        domains.put("district", new TreeSet<>());
        districtsByProvince.values().forEach(domains.get("district")::addAll);
        domains.put("value_chain", new TreeSet<>(valueChains));
        domains.put("sex", new TreeSet<>(sexes));
        domains.put("age_band", new TreeSet<>(ageBands));
        domains.put("topic", new TreeSet<>(topics));
    }

    /** Adds a value seen in an answer (a null is {@link #NONE}). */
    public void see(String dimension, String value)
    {
        requireNonNull(domains.get(dimension), () -> "unknown dimension " + dimension).add(value == null ? NONE : value);
    }

    public Set<String> values(String dimension)
    {
        return Set.copyOf(requireNonNull(domains.get(dimension), () -> "unknown dimension " + dimension));
    }

    /** The province a district belongs to. */
    public String provinceOf(String district)
    {
        return districtsOfProvince.entrySet().stream().filter(entry -> entry.getValue().contains(district)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no province holds " + district));
    }

    /**
     * The finest cells of a fact within the constraints (dimension -> allowed values; a province constrains the
     * districts), for the members on a date (with the measures given) or the attendances of a time slice.
     */
    public List<String> cells(Family family, String time, Map<String, Set<String>> constraints, Set<String> measures)
    {
        Map<String, Set<String>> allowed = allowed(family, constraints);
        List<String> prefixes = new ArrayList<>(List.of(family.prefix + "|" + time));
        for (String dimension : family.dimensions) {
            List<String> longer = new ArrayList<>();
            for (String prefix : prefixes) {
                for (String value : allowed.get(dimension)) {
                    longer.add(prefix + "|" + value);
                }
            }
            prefixes = longer;
        }
        List<String> cells = new ArrayList<>();
        for (String prefix : prefixes) {
            if (family == Family.MEMBERS) {
                for (String measure : measures) {
                    cells.add(intern(prefix + "|" + measure));
                }
            }
            else {
                cells.add(intern(prefix));
            }
        }
        return cells;
    }

    /** The id of one finest cell, as {@link #cells} writes it. */
    public String cell(Family family, String time, Map<String, String> coordinates, String measure)
    {
        StringJoiner id = new StringJoiner("|");
        id.add(family.prefix).add(time);
        for (String dimension : family.dimensions) {
            String value = coordinates.get(dimension);
            id.add(value == null ? NONE : value);
        }
        if (family == Family.MEMBERS) {
            id.add(measure);
        }
        return intern(id.toString());
    }

    /** A canonical name of constraints: dimension=sorted values, dimensions in name order, provinces as districts. */
    public String canonical(Family family, Map<String, Set<String>> constraints)
    {
        StringJoiner name = new StringJoiner("|");
        allowed(family, constraints).forEach((dimension, values) -> {
            if (!values.equals(domains.get(dimension))) {
                name.add(dimension + "=" + String.join(",", new TreeSet<>(values)));
            }
        });
        return name.toString();
    }

    private Map<String, Set<String>> allowed(Family family, Map<String, Set<String>> constraints)
    {
        Map<String, Set<String>> allowed = new TreeMap<>();
        for (String dimension : family.dimensions) {
            allowed.put(dimension, new TreeSet<>(domains.get(dimension)));
        }
        constraints.forEach((dimension, values) -> {
            if (dimension.equals("province")) {
                Set<String> districts = new LinkedHashSet<>();
                values.forEach(province -> districts.addAll(districtsOfProvince.getOrDefault(province, Set.of())));
                allowed.get("district").retainAll(districts);
            }
            else if (allowed.containsKey(dimension)) {
                allowed.get(dimension).retainAll(values);
            }
            else {
                throw new IllegalArgumentException(dimension + " is not a dimension of " + family);
            }
        });
        return allowed;
    }

    private String intern(String id)
    {
        return interned.computeIfAbsent(id, same -> same);
    }

    /** The person-counting facts whose counts add up over cells. */
    public enum Family
    {
        MEMBERS("m", MEMBER_DIMENSIONS),
        ATTENDANCES("a", ATTENDANCE_DIMENSIONS),
        /** persons_reached: not additive; the attacker sees each canonical cell as its own unknown (dimensions as members) */
        PERSONS("p", MEMBER_DIMENSIONS);

        private final String prefix;
        private final List<String> dimensions;

        Family(String prefix, List<String> dimensions)
        {
            this.prefix = prefix;
            this.dimensions = dimensions;
        }
    }
}
