package org.jijukirwa.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jijukirwa.warehouse.Dimension.AGE_BAND;
import static org.jijukirwa.warehouse.Dimension.DISTRICT;
import static org.jijukirwa.warehouse.Dimension.PROVINCE;
import static org.jijukirwa.warehouse.Dimension.SEX;
import static org.jijukirwa.warehouse.Dimension.TOPIC;
import static org.jijukirwa.warehouse.Dimension.VALUE_CHAIN;

/**
 * What an indicator counts, as rows per period of a query: a FROM clause over the {@code periods} of the
 * query (and the common table expressions it needs) whose rows belong to a period (as of its last day for
 * stocks, inside it for flows), the SQL of the row's period, and the SQL expression of each dimension.
 * The rows come from the per-snapshot aggregates ({@code sql/aggregates}), not the row-level marts.
 */
enum Fact
{
    /** Cooperatives that exist at the period's last day. */
    COOPERATIVES(
            List.of(),
            "periods\n    join dim_cooperatives as cooperatives on cooperatives.formed_on <= periods.period_to",
            "periods.period",
            Optional.of("select min(formed_on) from dim_cooperatives"),
            Map.of(PROVINCE, "cooperatives.province",
                    DISTRICT, "cooperatives.district",
                    VALUE_CHAIN, "cooperatives.value_chain")),
    /** Members active at the period's last day, counted per cell of place, sex and age band (see agg_membership_states). */
    MEMBERSHIPS(
            List.of(MemberSql.MEMBERSHIP_STOCK),
            "membership_stock as memberships",
            "memberships.period",
            Optional.of("select min(joined_on) from fct_memberships"),
            MemberSql.DIMENSIONS),
    /** Members active at the period's last day as persons: counted rows of persons with one membership, and the person of each other membership. */
    PERSONS(
            List.of(MemberSql.MEMBERSHIP_STOCK, MemberSql.PERSON_STOCK),
            "person_stock as memberships",
            "memberships.period",
            Optional.of("select min(joined_on) from fct_memberships"),
            MemberSql.DIMENSIONS),
    /** Training sessions held inside the period, placed where the session was held. */
    SESSIONS(
            List.of(),
            "periods\n    join agg_sessions as attendances on attendances.held_on between periods.period_from and periods.period_to",
            "periods.period",
            Optional.of("select min(held_on) from agg_sessions"),
            Map.of(PROVINCE, "attendances.session_province",
                    DISTRICT, "attendances.session_district",
                    TOPIC, "attendances.topic")),
    /** Training attendances held inside the period, counted per day and place of the attendee's cooperative. */
    ATTENDANCES(
            List.of(),
            "periods\n    join agg_attendances as attendances on attendances.held_on between periods.period_from and periods.period_to",
            "periods.period",
            Optional.of("select min(held_on) from agg_attendances"),
            Map.of(PROVINCE, "attendances.cooperative_province",
                    DISTRICT, "attendances.cooperative_district",
                    VALUE_CHAIN, "attendances.cooperative_value_chain",
                    TOPIC, "attendances.topic")),
    /** Coaching visits made inside the period, counted per cooperative and day. */
    COACHING_VISITS(
            List.of(),
            "periods\n    join agg_coaching_visits as visits on visits.visited_on between periods.period_from and periods.period_to",
            "periods.period",
            Optional.of("select min(visited_on) from agg_coaching_visits"),
            Map.of(PROVINCE, "visits.province",
                    DISTRICT, "visits.district",
                    VALUE_CHAIN, "visits.value_chain")),
    /** Every district of the reference list in every period: the cells that targets are set for. */
    DISTRICTS(
            List.of(),
            "periods\n    join dim_districts as districts on true",
            "periods.period",
            Optional.empty(),
            Map.of(PROVINCE, "districts.province",
                    DISTRICT, "districts.district"));

    /** The member facts' SQL, in a holder so it exists when the constants above are built (a constant String would, these would not). */
    private static final class MemberSql
    {
        /** The age bands of agg_membership_states as the API names them: unknown when there is no birth year or the age is under 16. */
        static final Map<Dimension, String> DIMENSIONS = Map.of(
                PROVINCE, "memberships.province",
                DISTRICT, "memberships.district",
                VALUE_CHAIN, "memberships.value_chain",
                SEX, "memberships.sex",
                AGE_BAND, "case when memberships.age_band in ('none', 'under16') then 'unknown' else memberships.age_band end");

        /**
         * The members active at each period's last day D, per cell of place, sex and age band: up to
         * monthly_until, the cell's state at the end of the month before D's month plus the changes of D's month
         * up to D; after it, the members who never leave, in their age band at D (see agg_membership_states).
         */
        static final String MEMBERSHIP_STOCK = """
            membership_stock as (
                select
                    stock.period,
                    places.province,
                    places.district,
                    places.value_chain,
                    stock.sex,
                    stock.age_band,
                    stock.active,
                    stock.registered,
                    stock.only_memberships
                from (
                    select periods.period, states.place_id, states.sex, states.age_band, states.active, states.registered, states.only_memberships
                    from periods
                    cross join agg_membership_horizon as horizon
                    join agg_membership_states as states
                        on states.month_end = date_trunc('month', periods.period_to)::date - 1
                        and periods.period_to <= horizon.monthly_until
                    union all
                    select periods.period, changes.place_id, changes.sex, changes.age_band, changes.active, changes.registered, changes.only_memberships
                    from periods
                    cross join agg_membership_horizon as horizon
                    join agg_membership_changes as changes
                        on changes.month_start = date_trunc('month', periods.period_to)::date
                        and changes.on_date <= periods.period_to
                        and periods.period_to <= horizon.monthly_until
                    union all
                    select periods.period, lasting.place_id, lasting.sex,
                        %1$s,
                        lasting.active, lasting.registered, lasting.only_memberships
                    from periods
                    cross join agg_membership_horizon as horizon
                    join agg_membership_lasting as lasting
                        on periods.period_to > horizon.monthly_until
                ) as stock
                join agg_places as places
                    on places.place_id = stock.place_id
            )""".formatted(ageBand("lasting.birth_year"));

        /**
         * Persons among the members active at each period's last day D: the active memberships of persons with
         * one membership (each a person), and, one row each, the active memberships of persons with several,
         * to be counted with count(distinct person_identity).
         */
        static final String PERSON_STOCK = """
            person_stock as (
                select period, province, district, value_chain, sex, age_band, only_memberships as single_persons, null::varchar as person_identity
                from membership_stock
                union all
                select
                    periods.period,
                    shared.province,
                    shared.district,
                    shared.value_chain,
                    shared.sex,
                    %1$s as age_band,
                    0 as single_persons,
                    shared.person_identity
                from periods
                join agg_shared_memberships as shared
                    on shared.active_from <= periods.period_to
                    and (shared.active_until is null or shared.active_until > periods.period_to)
            )""".formatted(ageBand("shared.birth_year"));

        /** The age band (as agg_membership_states names them) at the period's last day of a member born in {@code birthYear}. */
        private static String ageBand(String birthYear)
        {
            return ("case when %1$s is null then 'none'"
                    + " when year(periods.period_to) - %1$s between 16 and 30 then '16-30'"
                    + " when year(periods.period_to) - %1$s between 31 and 45 then '31-45'"
                    + " when year(periods.period_to) - %1$s between 46 and 60 then '46-60'"
                    + " when year(periods.period_to) - %1$s >= 61 then '61+'"
                    + " else 'under16' end").formatted(birthYear);
        }
    }

    private final List<String> commonTableExpressions;
    private final String from;
    private final String period;
    private final Optional<String> earliestDateSql;
    private final Map<Dimension, String> dimensions;

    Fact(List<String> commonTableExpressions, String from, String period, Optional<String> earliestDateSql, Map<Dimension, String> dimensions)
    {
        this.commonTableExpressions = List.copyOf(commonTableExpressions);
        this.from = from;
        this.period = period;
        this.earliestDateSql = earliestDateSql;
        this.dimensions = Map.copyOf(dimensions);
    }

    /** The common table expressions the FROM clause reads, after {@code periods}, each {@code name as (...)}. */
    List<String> commonTableExpressions()
    {
        return commonTableExpressions;
    }

    /** The FROM clause: {@code periods} joined to the fact's rows, or a common table expression of both. */
    String from()
    {
        return from;
    }

    /** The SQL of a row's period key. */
    String period()
    {
        return period;
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
