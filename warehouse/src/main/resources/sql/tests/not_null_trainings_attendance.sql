-- no stg_trainings row lacks its key (session_id, cooperative_id, held_on)
with records as (
    select * from stg_trainings
),

final as (
    select *
    from records
    where session_id is null or cooperative_id is null or held_on is null
)

select * from final
