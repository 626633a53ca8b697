package org.jijukirwa.warehouse.indicator;

import java.util.List;
import java.util.Optional;

import org.jijukirwa.warehouse.indicator.Indicator.None;
import org.jijukirwa.warehouse.indicator.Indicator.OtherFact;
import org.jijukirwa.warehouse.indicator.Indicator.SameFact;
import org.jijukirwa.warehouse.indicator.Indicator.Target;

import static java.util.Objects.requireNonNull;
import static org.jijukirwa.warehouse.indicator.Fact.ATTENDANCES;
import static org.jijukirwa.warehouse.indicator.Fact.COACHING_VISITS;
import static org.jijukirwa.warehouse.indicator.Fact.COOPERATIVE_STOCK;
import static org.jijukirwa.warehouse.indicator.Fact.MEMBERSHIP_STOCK;
import static org.jijukirwa.warehouse.indicator.Fact.PERSON_STOCK;
import static org.jijukirwa.warehouse.indicator.Fact.SESSIONS;
import static org.jijukirwa.warehouse.indicator.IndicatorKind.FLOW;
import static org.jijukirwa.warehouse.indicator.IndicatorKind.STOCK;
import static org.jijukirwa.warehouse.indicator.IndicatorUnit.COUNT;
import static org.jijukirwa.warehouse.indicator.IndicatorUnit.DAYS;
import static org.jijukirwa.warehouse.indicator.IndicatorUnit.RATE;

/**
 * The indicators the warehouse answers, in the order of indicators.md: the one place that says how each is
 * computed. Measures are SQL aggregates over the columns of the indicator's fact ({@code sql/facts/<fact>.sql});
 * the query around them only selects, filters and groups (see answer.IndicatorSql).
 */
public final class IndicatorCatalogue
{
    private static final String EXISTING = "count(*)";
    private static final String REGISTERED = "count(*) filter (where is_registered)";
    // membership_stock has one row per cell; the member indicators sum its active members with a filter on the cell
    private static final String ACTIVE = "coalesce(sum(active), 0)::bigint";
    private static final String SESSIONS_HELD = "count(distinct session_id)";

    private static final List<Indicator> STANDARD = List.of(
            // id, kind, unit, fact, numerator, denominator, label, definition
            new Indicator("coops_formed", STOCK, COUNT, COOPERATIVE_STOCK, EXISTING, none(),
                    "Cooperatives formed", "cooperatives that exist at D"),
            new Indicator("coops_registered", STOCK, COUNT, COOPERATIVE_STOCK, REGISTERED, none(),
                    "Cooperatives registered", "existing cooperatives with registered_on <= D"),
            new Indicator("formalisation_rate", STOCK, RATE, COOPERATIVE_STOCK, REGISTERED, same(EXISTING),
                    "Formalisation rate", "coops_registered / coops_formed"),
            new Indicator("bdc_access_rate", STOCK, RATE, COOPERATIVE_STOCK, "count(*) filter (where is_bdc_linked)", same(EXISTING),
                    "BDC access rate", "existing cooperatives with bdc_linked_on <= D / coops_formed"),
            new Indicator("union_affiliation_rate", STOCK, RATE, COOPERATIVE_STOCK, "count(*) filter (where is_union_affiliated)", same(EXISTING),
                    "Union affiliation rate", "existing cooperatives with union_affiliated_on <= D / coops_formed"),
            new Indicator("coops_trained_rate", STOCK, RATE, COOPERATIVE_STOCK, "count(*) filter (where has_attended)", same(EXISTING),
                    "Cooperatives trained", "existing cooperatives with at least one attendance held_on <= D / coops_formed"),
            // the days of the cooperatives registered by D; the population is the existing ones, so a cell with none registered shows null;
            // quantile_cont interpolates: the mean of the two middle values for an even count
            new Indicator("median_days_to_registration", STOCK, DAYS, COOPERATIVE_STOCK,
                    "cast(quantile_cont(days_to_registration, 0.5) filter (where is_registered) as double)", same(EXISTING),
                    "Median days to registration",
                    "median of (registered_on - formed_on) in days over cooperatives registered by D (mean of the two middle values for an even count); null when none"),
            new Indicator("formation_target_attainment", STOCK, RATE, COOPERATIVE_STOCK, EXISTING, target("coops_formed"),
                    "Formation target attainment", "coops_formed / formation target of the cell (sum of the district targets of the districts in the cell)"),
            new Indicator("registration_target_attainment", STOCK, RATE, COOPERATIVE_STOCK, REGISTERED, target("coops_registered"),
                    "Registration target attainment", "coops_registered / registration target of the cell"),

            new Indicator("members_active", STOCK, COUNT, MEMBERSHIP_STOCK, ACTIVE, none(),
                    "Active members", "distinct active members"),
            new Indicator("member_formalisation_rate", STOCK, RATE, MEMBERSHIP_STOCK, "coalesce(sum(registered), 0)::bigint", same(ACTIVE),
                    "Member formalisation rate", "active members whose cooperative has registered_on <= D / members_active"),
            new Indicator("women_share", STOCK, RATE, MEMBERSHIP_STOCK,
                    "coalesce(sum(active) filter (where sex = 'F'), 0)::bigint", same("coalesce(sum(active) filter (where sex in ('F', 'M')), 0)::bigint"),
                    "Women's share", "active members with sex F / active members with sex F or M"),
            new Indicator("youth_share", STOCK, RATE, MEMBERSHIP_STOCK,
                    "coalesce(sum(active) filter (where age_band = '16-30'), 0)::bigint", same("coalesce(sum(active) filter (where has_birth_year), 0)::bigint"),
                    "Youth share", "active members aged 16..30 at D / active members with a birth_year"),
            new Indicator("persons_reached", STOCK, COUNT, PERSON_STOCK, "(coalesce(sum(single_persons), 0) + count(distinct person_identity))::bigint", none(),
                    "Persons reached",
                    "distinct persons among active members: members with a national_id counted once per hashed national_id, members without one counted once each"),

            new Indicator("training_sessions", FLOW, COUNT, SESSIONS, SESSIONS_HELD, none(),
                    "Training sessions", "distinct session_id with held_on in range; the session's district"),
            new Indicator("training_target_attainment", FLOW, RATE, SESSIONS, SESSIONS_HELD, target("training_sessions"),
                    "Training target attainment", "training_sessions / (sessions target per district x districts in cell)"),
            new Indicator("attendances", FLOW, COUNT, ATTENDANCES, "sum(attendance_count)::bigint", none(),
                    "Training attendances", "attendance rows with held_on in range (district and value chain of the attendee's cooperative; "
                            + "sex and age band at held_on of the attending member, U and unknown for an attendee who is not a member)"),
            new Indicator("coaching_visits", FLOW, COUNT, COACHING_VISITS, "sum(visit_count)::bigint", none(),
                    "Coaching visits", "visits with visited_on in range"),
            new Indicator("coops_coached_rate", FLOW, RATE, COACHING_VISITS, "count(distinct cooperative_id)", new OtherFact(COOPERATIVE_STOCK, EXISTING),
                    "Cooperatives coached", "distinct cooperatives with a visit in range / coops_formed as of `to`"));

    private final List<Indicator> indicators;

    IndicatorCatalogue(List<Indicator> indicators)
    {
        this.indicators = List.copyOf(requireNonNull(indicators, "indicators is null"));
    }

    /** The catalogue of indicators.md. */
    public static IndicatorCatalogue standard()
    {
        return new IndicatorCatalogue(STANDARD);
    }

    public List<Indicator> indicators()
    {
        return indicators;
    }

    public Optional<Indicator> find(String id)
    {
        return indicators.stream().filter(indicator -> indicator.id().equals(id)).findFirst();
    }

    private static None none()
    {
        return new None();
    }

    private static SameFact same(String sql)
    {
        return new SameFact(sql);
    }

    private static Target target(String target)
    {
        return new Target(target);
    }
}
