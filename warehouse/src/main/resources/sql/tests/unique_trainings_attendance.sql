-- every stg_trainings row has its own key (session_id, cooperative_id, member_id with an empty member_id as its own value)
with records as (
    select * from stg_trainings
),

final as (
    select
        session_id,
        cooperative_id,
        coalesce(member_id, '') as member_id,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
