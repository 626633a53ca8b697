package org.jijukirwa.warehouse.indicator;

import java.util.List;
import java.util.Optional;

import static org.jijukirwa.warehouse.indicator.Dimension.AGE_BAND;
import static org.jijukirwa.warehouse.indicator.Dimension.DISTRICT;
import static org.jijukirwa.warehouse.indicator.Dimension.PROVINCE;
import static org.jijukirwa.warehouse.indicator.Dimension.SEX;
import static org.jijukirwa.warehouse.indicator.Dimension.TOPIC;
import static org.jijukirwa.warehouse.indicator.Dimension.VALUE_CHAIN;

/**
 * What an indicator counts: the rows of one SQL file, {@code sql/facts/<name>.sql}, per period of a query
 * (as of its last day for stocks, inside it for flows). Each file reads the query's {@code periods}
 * (period, period_from, period_to) and the per-snapshot aggregates, and names its columns as the API
 * does: {@code period}, its dimensions, then the columns the catalogue's measures aggregate.
 */
public enum Fact
{
    COOPERATIVE_STOCK("cooperative_stock", List.of(), List.of(PROVINCE, DISTRICT, VALUE_CHAIN), false,
            Optional.of("select min(formed_on) from dim_cooperatives")),
    MEMBERSHIP_STOCK("membership_stock", List.of(), List.of(PROVINCE, DISTRICT, VALUE_CHAIN, SEX, AGE_BAND), true,
            Optional.of("select min(joined_on) from fct_memberships")),
    PERSON_STOCK("person_stock", List.of(MEMBERSHIP_STOCK), List.of(PROVINCE, DISTRICT, VALUE_CHAIN, SEX, AGE_BAND), true,
            Optional.of("select min(joined_on) from fct_memberships")),
    SESSIONS("sessions", List.of(), List.of(PROVINCE, DISTRICT, TOPIC), false,
            Optional.of("select min(held_on) from agg_sessions")),
    ATTENDANCES("attendances", List.of(), List.of(PROVINCE, DISTRICT, VALUE_CHAIN, SEX, AGE_BAND, TOPIC), true,
            Optional.of("select min(held_on) from agg_attendances")),
    COACHING_VISITS("coaching_visits", List.of(), List.of(PROVINCE, DISTRICT, VALUE_CHAIN), false,
            Optional.of("select min(visited_on) from agg_coaching_visits")),
    /** Every district of the reference list with its targets, in every period: the cells that targets are set for. */
    DISTRICT_TARGETS("district_targets", List.of(), List.of(PROVINCE, DISTRICT), false, Optional.empty());

    private final String tableName;
    private final List<Fact> reads;
    private final List<Dimension> dimensions;
    private final boolean countsPersons;
    private final Optional<String> earliestDateSql;

    Fact(String tableName, List<Fact> reads, List<Dimension> dimensions, boolean countsPersons, Optional<String> earliestDateSql)
    {
        this.tableName = tableName;
        this.reads = reads;
        this.dimensions = dimensions;
        this.countsPersons = countsPersons;
        this.earliestDateSql = earliestDateSql;
    }

    /** The name of its file and of its common table expression in a query. */
    public String tableName()
    {
        return tableName;
    }

    /** The other facts its file reads, each to be defined before it. */
    public List<Fact> reads()
    {
        return reads;
    }

    public List<Dimension> dimensions()
    {
        return dimensions;
    }

    /** Whether its rows are persons (members, attendees): the public view protects their counts (docs/disclosure.md). */
    public boolean countsPersons()
    {
        return countsPersons;
    }

    /** A query for the earliest event date of this fact: the default start of a range. */
    public Optional<String> earliestDateSql()
    {
        return earliestDateSql;
    }
}
