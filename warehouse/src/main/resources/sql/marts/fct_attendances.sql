-- grain: one row per attendee of a training session, with the session's place, the attendee's cooperative's
-- place and value chain, and the attending member's sex and birth year (null for an attendee who is no member:
-- a representative, or an ODK repeat row's uuid:... id)
with trainings as (
    select * from stg_trainings
),

districts as (
    select * from dim_districts
),

cooperatives as (
    select * from dim_cooperatives
),

-- one row per member id; an id held by more than one row names nobody for sure, and must not repeat attendances
members as (
    select
        member_id,
        any_value(sex) as sex,
        any_value(birth_year) as birth_year
    from stg_members
    where member_id is not null
    group by member_id
    having count(*) = 1
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
        cooperatives.value_chain as cooperative_value_chain,
        members.sex as attendee_sex,
        members.birth_year as attendee_birth_year
    from trainings
    left join districts
        on districts.district_code = trainings.district_code
    left join cooperatives
        on cooperatives.cooperative_id = trainings.cooperative_id
    left join members
        on members.member_id = trainings.member_id
)

select * from final
