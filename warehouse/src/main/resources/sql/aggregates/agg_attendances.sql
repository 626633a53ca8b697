-- grain: one row per day, topic, attendee's cooperative place and value chain, and attendee's sex and age band at
-- the session's date (U and unknown for an attendee who is no member): how many attendance rows
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
        coalesce(attendee_sex, 'U') as sex,
        api_age_band(age_band(attendee_birth_year, year(held_on))) as age_band,
        count(*) as attendance_count
    from attendances
    group by all
)

select * from final
order by held_on
