-- every stg_coaching_visits row has its own key (visit_id)
with records as (
    select * from stg_coaching_visits
),

final as (
    select
        visit_id,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
