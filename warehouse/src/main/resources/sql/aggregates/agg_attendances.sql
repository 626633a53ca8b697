-- grain: one row per day, topic and attendee's cooperative place and value chain: how many attendance rows
with attendances as (
    select * from fct_attendances
),

final as (
    select
        held_on,
        topic,
        cooperative_district,
        cooperative_province,
        cooperative_value_chain,
        count(*) as attendance_count
    from attendances
    group by all
)

select * from final
order by held_on
