-- grain: one row per attendee of a training session
with source as (
    select * from raw.trainings
),

final as (
    select
        session_id,
        held_on,
        district_code,
        topic,
        cooperative_id,
        member_id,
        attendee_role
    from source
)

select * from final
