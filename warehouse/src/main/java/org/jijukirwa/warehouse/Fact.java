package org.jijukirwa.warehouse;

import java.util.Map;
import java.util.Optional;

import static org.jijukirwa.warehouse.Dimension.AGE_BAND;
import static org.jijukirwa.warehouse.Dimension.DISTRICT;
import static org.jijukirwa.warehouse.Dimension.PROVINCE;
import static org.jijukirwa.warehouse.Dimension.SEX;
import static org.jijukirwa.warehouse.Dimension.TOPIC;
import static org.jijukirwa.warehouse.Dimension.VALUE_CHAIN;

/**
 * What an indicator counts, joined to the {@code periods} of a query: which mart rows belong to a
 * period (as of its last day for stocks, inside it for flows), and the SQL expression of each dimension.
 */
enum Fact
{
    /** Cooperatives that exist at the period's last day. */
    COOPERATIVES(
            "dim_cooperatives as cooperatives on cooperatives.formed_on <= periods.period_to",
            Optional.of("select min(formed_on) from dim_cooperatives"),
            Map.of(PROVINCE, "cooperatives.province",
                    DISTRICT, "cooperatives.district",
                    VALUE_CHAIN, "cooperatives.value_chain")),
    /** Members active at the period's last day. */
    MEMBERSHIPS(
            """
            fct_memberships as memberships
                    on memberships.joined_on <= periods.period_to
                    and (memberships.left_on is null or memberships.left_on > periods.period_to)
                    and memberships.cooperative_formed_on <= periods.period_to""",
            Optional.of("select min(joined_on) from fct_memberships"),
            Map.of(PROVINCE, "memberships.province",
                    DISTRICT, "memberships.district",
                    VALUE_CHAIN, "memberships.value_chain",
                    SEX, "memberships.sex",
                    AGE_BAND, Fact.AGE_BAND_SQL)),
    /** Training attendances held inside the period, placed where the session was held. */
    SESSIONS(
            "fct_attendances as attendances on attendances.held_on between periods.period_from and periods.period_to",
            Optional.of("select min(held_on) from fct_attendances"),
            Map.of(PROVINCE, "attendances.session_province",
                    DISTRICT, "attendances.session_district",
                    TOPIC, "attendances.topic")),
    /** Training attendances held inside the period, placed where the attendee's cooperative is. */
    ATTENDANCES(
            "fct_attendances as attendances on attendances.held_on between periods.period_from and periods.period_to",
            Optional.of("select min(held_on) from fct_attendances"),
            Map.of(PROVINCE, "attendances.cooperative_province",
                    DISTRICT, "attendances.cooperative_district",
                    VALUE_CHAIN, "attendances.cooperative_value_chain",
                    TOPIC, "attendances.topic")),
    /** Coaching visits made inside the period. */
    COACHING_VISITS(
            "fct_coaching_visits as visits on visits.visited_on between periods.period_from and periods.period_to",
            Optional.of("select min(visited_on) from fct_coaching_visits"),
            Map.of(PROVINCE, "visits.province",
                    DISTRICT, "visits.district",
                    VALUE_CHAIN, "visits.value_chain")),
    /** Every district of the reference list in every period: the cells that targets are set for. */
    DISTRICTS(
            "dim_districts as districts on true",
            Optional.empty(),
            Map.of(PROVINCE, "districts.province",
                    DISTRICT, "districts.district"));

    /** Age at D = year(D) - birth_year, D being the period's last day. */
    private static final String AGE_BAND_SQL = """
            case
                    when memberships.birth_year is null then 'unknown'
                    when year(periods.period_to) - memberships.birth_year between 16 and 30 then '16-30'
                    when year(periods.period_to) - memberships.birth_year between 31 and 45 then '31-45'
                    when year(periods.period_to) - memberships.birth_year between 46 and 60 then '46-60'
                    when year(periods.period_to) - memberships.birth_year >= 61 then '61+'
                    else 'unknown'
                end""";

    private final String join;
    private final Optional<String> earliestDateSql;
    private final Map<Dimension, String> dimensions;

    Fact(String join, Optional<String> earliestDateSql, Map<Dimension, String> dimensions)
    {
        this.join = join;
        this.earliestDateSql = earliestDateSql;
        this.dimensions = Map.copyOf(dimensions);
    }

    /** The mart, its alias and the join condition against {@code periods}. */
    String join()
    {
        return join;
    }

    /** A query for the earliest event date of this fact: the default start of a range. */
    Optional<String> earliestDateSql()
    {
        return earliestDateSql;
    }

    boolean hasDimension(Dimension dimension)
    {
        return dimensions.containsKey(dimension);
    }

    String dimensionSql(Dimension dimension)
    {
        String sql = dimensions.get(dimension);
        if (sql == null) {
            throw new IllegalArgumentException(this + " has no dimension " + dimension);
        }
        return sql;
    }
}
