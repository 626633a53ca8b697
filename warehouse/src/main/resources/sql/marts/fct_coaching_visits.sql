-- grain: one row per coaching visit, with the visited cooperative's place and value chain
with visits as (
    select * from stg_coaching_visits
),

cooperatives as (
    select * from dim_cooperatives
),

final as (
    select
        visits.visit_id,
        visits.cooperative_id,
        visits.visited_on,
        visits.maturity_score,
        cooperatives.district,
        cooperatives.province,
        cooperatives.value_chain
    from visits
    left join cooperatives
        on cooperatives.cooperative_id = visits.cooperative_id
)

select * from final
