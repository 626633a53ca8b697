-- grain: one row per training session (session_id, with its day, topic and place). Read from the attendance rows and
-- the districts only, not from fct_attendances: its joins to the members and cooperatives add no row and no column
-- used here, and DuckDB cannot drop them (it would group every member row again for nothing)
with trainings as (
    select * from stg_trainings
),

districts as (
    select * from dim_districts
),

final as (
    select distinct
        trainings.session_id,
        trainings.held_on,
        trainings.topic,
        districts.district as session_district,
        districts.province as session_province
    from trainings
    left join districts
        on districts.district_code = trainings.district_code
)

select * from final
order by held_on
