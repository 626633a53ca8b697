-- grain: one row per training session (session_id, with its day, topic and place)
with attendances as (
    select * from fct_attendances
),

final as (
    select distinct
        session_id,
        held_on,
        topic,
        session_district,
        session_province
    from attendances
)

select * from final
order by held_on
