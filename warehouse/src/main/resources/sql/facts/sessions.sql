-- grain: one row per period of the query and training session held inside it, placed where it was held
select
    periods.period,
    sessions.session_province as province,
    sessions.session_district as district,
    sessions.topic,
    sessions.session_id
from periods
join agg_sessions as sessions
    on sessions.held_on between periods.period_from and periods.period_to
