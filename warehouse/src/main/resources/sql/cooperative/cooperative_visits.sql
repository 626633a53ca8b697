-- grain: one row per coaching visit of the cooperative, oldest first, with its maturity score
-- parameters: cooperative id
with parameters as (
    select ?::varchar as cooperative_id
),

visits as (
    select * from stg_coaching_visits
),

final as (
    select
        visits.visit_id,
        visits.visited_on,
        visits.maturity_score,
        visits.topics
    from visits
    join parameters
        on parameters.cooperative_id = visits.cooperative_id
)

select * from final
order by visited_on, visit_id
