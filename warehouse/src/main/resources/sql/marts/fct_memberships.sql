-- grain: one row per member (one person's membership of one cooperative),
-- with the cooperative's place, value chain and dates
with members as (
    select * from stg_members
),

cooperatives as (
    select * from dim_cooperatives
),

final as (
    select
        members.member_id,
        members.cooperative_id,
        -- a person is their hashed national id; a member without one is a person of their own
        coalesce('person:' || members.person_key, 'member:' || members.member_id) as person_identity,
        members.sex,
        members.birth_year,
        members.joined_on,
        members.left_on,
        cooperatives.district,
        cooperatives.province,
        cooperatives.value_chain,
        cooperatives.formed_on as cooperative_formed_on,
        cooperatives.registered_on as cooperative_registered_on
    from members
    left join cooperatives
        on cooperatives.cooperative_id = members.cooperative_id
)

select * from final
