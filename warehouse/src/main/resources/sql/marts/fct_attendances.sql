-- grain: one row per attendee of a training session, with the session's place
-- and the attendee's cooperative's place and value chain
with trainings as (
    select * from stg_trainings
),

districts as (
    select * from dim_districts
),

cooperatives as (
    select * from dim_cooperatives
),

final as (
    select
        trainings.session_id,
        trainings.held_on,
        trainings.topic,
        trainings.district_code as session_district_code,
        districts.district as session_district,
        districts.province as session_province,
        trainings.cooperative_id,
        trainings.member_id,
        trainings.attendee_role,
        cooperatives.district as cooperative_district,
        cooperatives.province as cooperative_province,
        cooperatives.value_chain as cooperative_value_chain
    from trainings
    left join districts
        on districts.district_code = trainings.district_code
    left join cooperatives
        on cooperatives.cooperative_id = trainings.cooperative_id
)

select * from final
