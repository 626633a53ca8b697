-- grain: one row per training session the cooperative attended, oldest first, with how many of its people attended
-- parameters: cooperative id
with parameters as (
    select ?::varchar as cooperative_id
),

attendances as (
    select * from fct_attendances
),

topics as (
    select * from stg_topics
),

final as (
    select
        attendances.session_id,
        attendances.held_on,
        attendances.topic,
        coalesce(any_value(topics.topic_label), attendances.topic) as topic_label,
        attendances.session_district,
        count(*) as attendee_count
    from attendances
    join parameters
        on parameters.cooperative_id = attendances.cooperative_id
    left join topics
        on topics.topic = attendances.topic
    group by attendances.session_id, attendances.held_on, attendances.topic, attendances.session_district
)

select * from final
order by held_on, session_id
