-- every stg_coaching_visits.cooperative_id names a row of stg_cooperatives
with children as (
    select * from stg_coaching_visits
),

parents as (
    select * from stg_cooperatives
),

final as (
    select children.*
    from children
    anti join parents
        on parents.cooperative_id = children.cooperative_id
    where children.cooperative_id is not null
)

select * from final
