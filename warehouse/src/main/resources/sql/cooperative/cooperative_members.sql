-- grain: one row per quarter from the cooperative's formation to the as-of date: its active members at the quarter's
-- last day (the as-of date for the last quarter), in total, by sex and by age band at that day
-- parameters: cooperative id, as-of date
with parameters as (
    select
        ?::varchar as cooperative_id,
        ?::date as as_of
),

cooperatives as (
    select * from dim_cooperatives
),

memberships as (
    select * from fct_memberships
),

cooperative as (
    select
        cooperatives.cooperative_id,
        cooperatives.formed_on,
        parameters.as_of
    from cooperatives
    join parameters
        on parameters.cooperative_id = cooperatives.cooperative_id
    where cooperatives.formed_on <= parameters.as_of
),

-- stepping three months from the formation lands once in every quarter up to the as-of date's
days as (
    select
        least((date_trunc('quarter', step) + interval 3 month - interval 1 day)::date, cooperative.as_of) as counted_on
    from cooperative,
        unnest(generate_series(cooperative.formed_on::timestamp, cooperative.as_of::timestamp, interval 3 month)) as steps (step)
),

active as (
    select
        days.counted_on,
        memberships.sex,
        api_age_band(age_band(memberships.birth_year, year(days.counted_on))) as age_band
    from days
    join memberships
        on memberships.cooperative_id = (select cooperative_id from cooperative)
        and memberships.joined_on <= days.counted_on
        and (memberships.left_on is null or memberships.left_on > days.counted_on)
),

final as (
    select
        days.counted_on,
        count(active.counted_on) as members_active,
        count(active.counted_on) filter (where active.sex = 'F') as sex_f,
        count(active.counted_on) filter (where active.sex = 'M') as sex_m,
        count(active.counted_on) filter (where active.sex is distinct from 'F' and active.sex is distinct from 'M') as sex_u,
        count(active.counted_on) filter (where active.age_band = '16-30') as age_16_30,
        count(active.counted_on) filter (where active.age_band = '31-45') as age_31_45,
        count(active.counted_on) filter (where active.age_band = '46-60') as age_46_60,
        count(active.counted_on) filter (where active.age_band = '61+') as age_61_plus,
        count(active.counted_on) filter (where active.age_band = 'unknown') as age_unknown
    from days
    left join active
        on active.counted_on = days.counted_on
    group by days.counted_on
)

select * from final
order by counted_on
