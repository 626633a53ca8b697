-- grain: one row per coaching visit
with source as (
    select * from raw.coaching
),

final as (
    select
        visit_id,
        cooperative_id,
        visited_on,
        topics,
        maturity_score,
        follow_up_due
    from source
)

select * from final
