-- grain: per period of the query, the persons among the members active at its last day D: one row per
-- cell of membership_stock whose single_persons are persons with one membership each, and one row per
-- active membership of a person with several, to be counted with count(distinct person_identity).
select
    period,
    province,
    district,
    value_chain,
    sex,
    age_band,
    has_birth_year,
    only_memberships as single_persons,
    null::varchar as person_identity
from membership_stock
union all
select
    periods.period,
    shared.province,
    shared.district,
    shared.value_chain,
    shared.sex,
    api_age_band(age_band(shared.birth_year, year(periods.period_to))) as age_band,
    shared.birth_year is not null as has_birth_year,
    0 as single_persons,
    shared.person_identity
from periods
join agg_shared_memberships as shared
    on shared.active_from <= periods.period_to
    and (shared.active_until is null or shared.active_until > periods.period_to)
