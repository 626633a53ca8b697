-- grain: one row per period of the query, district of the reference list and target name: the sum of
-- the district's targets of that name (null when it has none), and the programme-wide target of that
-- name (null when there is none). A cell's target is the sum over its districts when each has one.
with district_targets as (
    select
        target,
        district_code,
        sum(target_value) as target_value
    from stg_targets
    where district_code is not null
    group by all
),

programme_targets as (
    select
        target,
        sum(target_value) as target_value
    from stg_targets
    where district_code is null
    group by all
),

target_names as (
    select distinct target from stg_targets
)

select
    periods.period,
    districts.province,
    districts.district,
    target_names.target,
    district_targets.target_value,
    programme_targets.target_value as programme_target_value
from periods
cross join dim_districts as districts
cross join target_names
left join district_targets
    on district_targets.target = target_names.target
    and district_targets.district_code = districts.district_code
left join programme_targets
    on programme_targets.target = target_names.target
