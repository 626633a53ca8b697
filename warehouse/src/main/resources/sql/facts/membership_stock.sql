-- grain: one row per period of the query and cell of place, sex and age band: the members active at the
-- period's last day D, of them those in a registered cooperative and those who are the only membership of
-- their person. Up to monthly_until (agg_membership_horizon), the cell's state at the end of the month
-- before D's month plus the changes of D's month up to D; after it, the members who never leave, in their
-- age band at D (see agg_membership_states).
select
    stock.period,
    places.province,
    places.district,
    places.value_chain,
    stock.sex,
    api_age_band(stock.age_band) as age_band,
    stock.age_band <> 'none' as has_birth_year,
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
    select periods.period, lasting.place_id, lasting.sex, age_band(lasting.birth_year, year(periods.period_to)),
        lasting.active, lasting.registered, lasting.only_memberships
    from periods
    cross join agg_membership_horizon as horizon
    join agg_membership_lasting as lasting
        on periods.period_to > horizon.monthly_until
) as stock
join agg_places as places
    on places.place_id = stock.place_id
