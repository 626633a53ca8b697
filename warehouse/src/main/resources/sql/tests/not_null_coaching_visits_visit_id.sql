-- no stg_coaching_visits row lacks its key (visit_id, cooperative_id, visited_on)
with records as (
    select * from stg_coaching_visits
),

final as (
    select *
    from records
    where visit_id is null or cooperative_id is null or visited_on is null
)

select * from final
