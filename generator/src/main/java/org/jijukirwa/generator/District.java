package org.jijukirwa.generator;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A district as the generator needs it: NISR code, English name, the three
 * letters used in record ids, a rough 2022 census population (thousands) that
 * weights how many cooperatives it gets, and some of its sectors.
 */
public record District(String code, String name, String abbreviation, int populationThousands, List<String> sectors)
{
    public District
    {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(abbreviation, "abbreviation is null");
        sectors = List.copyOf(requireNonNull(sectors, "sectors is null"));
    }

    public String provinceCode()
    {
        return code.substring(0, 1);
    }
}
