package org.jijukirwa.warehouse;

import java.util.List;
import java.util.Optional;

import org.jijukirwa.warehouse.IndicatorSpec.Denominator;
import org.jijukirwa.warehouse.IndicatorSpec.None;
import org.jijukirwa.warehouse.IndicatorSpec.OtherFact;
import org.jijukirwa.warehouse.IndicatorSpec.SameFact;
import org.jijukirwa.warehouse.IndicatorSpec.Target;

import static org.jijukirwa.warehouse.IndicatorKind.FLOW;
import static org.jijukirwa.warehouse.IndicatorKind.STOCK;
import static org.jijukirwa.warehouse.IndicatorUnit.COUNT;
import static org.jijukirwa.warehouse.IndicatorUnit.DAYS;
import static org.jijukirwa.warehouse.IndicatorUnit.RATE;

/**
 * The indicators of indicators.md, in its order: the one place that says how each is computed.
 * Descriptions are the definitions as the spec words them; SQL aggregates run over the rows of the
 * indicator's {@link Fact}, with {@code periods.period_to} as the date D of a stock.
 */
final class Indicators
{
    private static final List<String> COOPERATIVE_DIMENSIONS = List.of("province", "district", "value_chain");
    private static final List<String> MEMBER_DIMENSIONS = List.of("province", "district", "value_chain", "sex", "age_band");
    private static final List<String> TARGET_DIMENSIONS = List.of("province", "district");

    private static final String COOPERATIVES_EXISTING = "count(*)";
    private static final String COOPERATIVES_REGISTERED = "count(*) filter (where cooperatives.registered_on <= periods.period_to)";
    // Member indicators sum the active members of the cells of agg_membership_states (one row per member_id:
    // data test unique_members_member_id), so each is a sum with a filter on the cell.
    private static final String MEMBERS_ACTIVE = activeMembers("active", "true");

    static final List<IndicatorSpec> ALL = List.of(
            // cooperative level
            spec("coops_formed", "Cooperatives formed", "cooperatives that exist at D",
                    STOCK, COUNT, COOPERATIVE_DIMENSIONS, false, Fact.COOPERATIVES,
                    COOPERATIVES_EXISTING, new None()),
            spec("coops_registered", "Cooperatives registered", "existing cooperatives with registered_on <= D",
                    STOCK, COUNT, COOPERATIVE_DIMENSIONS, false, Fact.COOPERATIVES,
                    COOPERATIVES_REGISTERED, new None()),
            spec("formalisation_rate", "Formalisation rate", "coops_registered / coops_formed",
                    STOCK, RATE, COOPERATIVE_DIMENSIONS, false, Fact.COOPERATIVES,
                    COOPERATIVES_REGISTERED, new SameFact(COOPERATIVES_EXISTING)),
            spec("bdc_access_rate", "BDC access rate", "existing cooperatives with bdc_linked_on <= D / coops_formed",
                    STOCK, RATE, COOPERATIVE_DIMENSIONS, false, Fact.COOPERATIVES,
                    "count(*) filter (where cooperatives.bdc_linked_on <= periods.period_to)", new SameFact(COOPERATIVES_EXISTING)),
            spec("union_affiliation_rate", "Union affiliation rate", "existing cooperatives with union_affiliated_on <= D / coops_formed",
                    STOCK, RATE, COOPERATIVE_DIMENSIONS, false, Fact.COOPERATIVES,
                    "count(*) filter (where cooperatives.union_affiliated_on <= periods.period_to)", new SameFact(COOPERATIVES_EXISTING)),
            spec("coops_trained_rate", "Cooperatives trained", "existing cooperatives with at least one attendance held_on <= D / coops_formed",
                    STOCK, RATE, COOPERATIVE_DIMENSIONS, false, Fact.COOPERATIVES,
                    "count(*) filter (where cooperatives.first_attended_on <= periods.period_to)", new SameFact(COOPERATIVES_EXISTING)),
            new IndicatorSpec(
                    new IndicatorDefinition("median_days_to_registration", "Median days to registration",
                            "median of (registered_on - formed_on) in days over cooperatives registered by D (mean of the two middle values for an even count); null when none",
                            STOCK, DAYS, COOPERATIVE_DIMENSIONS, false),
                    Fact.COOPERATIVES,
                    // the cell's population: its existing cooperatives, so that a cell with none registered shows null
                    COOPERATIVES_EXISTING,
                    new None(),
                    // quantile_cont interpolates: the mean of the two middle values for an even count
                    Optional.of("cast(quantile_cont(cooperatives.days_to_registration, 0.5) filter (where cooperatives.registered_on <= periods.period_to) as double)")),
            spec("formation_target_attainment", "Formation target attainment",
                    "coops_formed / formation target of the cell (sum of the district targets of the districts in the cell)",
                    STOCK, RATE, TARGET_DIMENSIONS, false, Fact.COOPERATIVES,
                    COOPERATIVES_EXISTING, new Target("coops_formed")),
            spec("registration_target_attainment", "Registration target attainment", "coops_registered / registration target of the cell",
                    STOCK, RATE, TARGET_DIMENSIONS, false, Fact.COOPERATIVES,
                    COOPERATIVES_REGISTERED, new Target("coops_registered")),

            // member level
            spec("members_active", "Active members", "distinct active members",
                    STOCK, COUNT, MEMBER_DIMENSIONS, true, Fact.MEMBERSHIPS,
                    MEMBERS_ACTIVE, new None()),
            spec("member_formalisation_rate", "Member formalisation rate", "active members whose cooperative has registered_on <= D / members_active",
                    STOCK, RATE, MEMBER_DIMENSIONS, true, Fact.MEMBERSHIPS,
                    activeMembers("registered", "true"),
                    new SameFact(MEMBERS_ACTIVE)),
            spec("women_share", "Women's share", "active members with sex F / active members with sex F or M",
                    STOCK, RATE, MEMBER_DIMENSIONS, true, Fact.MEMBERSHIPS,
                    activeMembers("active", "memberships.sex = 'F'"),
                    new SameFact(activeMembers("active", "memberships.sex in ('F', 'M')"))),
            spec("youth_share", "Youth share", "active members aged 16..30 at D / active members with a birth_year",
                    STOCK, RATE, MEMBER_DIMENSIONS, true, Fact.MEMBERSHIPS,
                    activeMembers("active", "memberships.age_band = '16-30'"),
                    new SameFact(activeMembers("active", "memberships.age_band <> 'none'"))),
            spec("persons_reached", "Persons reached",
                    "distinct persons among active members: members with a national_id counted once per hashed national_id, members without one counted once each",
                    STOCK, COUNT, MEMBER_DIMENSIONS, true, Fact.PERSONS,
                    "(coalesce(sum(memberships.single_persons), 0) + count(distinct memberships.person_identity))::bigint", new None()),

            // training and coaching
            spec("training_sessions", "Training sessions", "distinct session_id with held_on in range; the session's district",
                    FLOW, COUNT, List.of("province", "district", "topic"), false, Fact.SESSIONS,
                    "count(distinct attendances.session_id)", new None()),
            spec("training_target_attainment", "Training target attainment", "training_sessions / (sessions target per district x districts in cell)",
                    FLOW, RATE, TARGET_DIMENSIONS, false, Fact.SESSIONS,
                    "count(distinct attendances.session_id)", new Target("training_sessions")),
            spec("attendances", "Training attendances",
                    "attendance rows with held_on in range (district and value chain of the attendee's cooperative)",
                    FLOW, COUNT, List.of("province", "district", "value_chain", "topic"), true, Fact.ATTENDANCES,
                    "sum(attendances.attendance_count)::bigint", new None()),
            spec("coaching_visits", "Coaching visits", "visits with visited_on in range",
                    FLOW, COUNT, COOPERATIVE_DIMENSIONS, false, Fact.COACHING_VISITS,
                    "sum(visits.visit_count)::bigint", new None()),
            spec("coops_coached_rate", "Cooperatives coached", "distinct cooperatives with a visit in range / coops_formed as of `to`",
                    FLOW, RATE, COOPERATIVE_DIMENSIONS, false, Fact.COACHING_VISITS,
                    "count(distinct visits.cooperative_id)", new OtherFact(Fact.COOPERATIVES, COOPERATIVES_EXISTING)));

    private Indicators()
    {
    }

    /** The sum of a measure of agg_membership_states (active, registered) over the cells that meet a condition; 0 when none do. */
    private static String activeMembers(String measure, String cellCondition)
    {
        return "coalesce(sum(memberships." + measure + ") filter (where " + cellCondition + "), 0)::bigint";
    }

    private static IndicatorSpec spec(String id, String label, String description, IndicatorKind kind, IndicatorUnit unit,
            List<String> dimensions, boolean countsPersons, Fact fact, String numeratorSql, Denominator denominator)
    {
        return new IndicatorSpec(new IndicatorDefinition(id, label, description, kind, unit, dimensions, countsPersons),
                fact, numeratorSql, denominator, Optional.empty());
    }
}
