-- grain: one row per period of the query, day inside it, topic, place of the attendee's cooperative, and sex and age
-- band of the attendee at the session's date: how many attendance rows (held_on: the day, which the public's protected
-- base cells are made of)
select
    periods.period,
    attendances.held_on,
    attendances.cooperative_province as province,
    attendances.cooperative_district as district,
    attendances.cooperative_value_chain as value_chain,
    attendances.sex,
    attendances.age_band,
    attendances.topic,
    attendances.attendance_count
from periods
join agg_attendances as attendances
    on attendances.held_on between periods.period_from and periods.period_to
