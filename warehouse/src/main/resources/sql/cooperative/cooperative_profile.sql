-- grain: the one cooperative asked for (no row for an unknown id), with its place, its funnel dates and its
-- latest coaching visit
-- parameters: cooperative id
with parameters as (
    select ?::varchar as cooperative_id
),

cooperatives as (
    select * from dim_cooperatives
),

visits as (
    select * from fct_coaching_visits
),

last_visits as (
    select
        cooperative_id,
        max(visited_on) as last_visited_on
    from visits
    group by cooperative_id
),

final as (
    select
        cooperatives.cooperative_id,
        cooperatives.cooperative_name,
        cooperatives.province,
        cooperatives.district,
        cooperatives.value_chain,
        cooperatives.value_chain_label,
        cooperatives.formed_on,
        cooperatives.first_attended_on,
        cooperatives.applied_on,
        cooperatives.registered_on,
        cooperatives.bdc_linked_on,
        cooperatives.union_affiliated_on,
        last_visits.last_visited_on
    from cooperatives
    join parameters
        on parameters.cooperative_id = cooperatives.cooperative_id
    left join last_visits
        on last_visits.cooperative_id = cooperatives.cooperative_id
)

select * from final
