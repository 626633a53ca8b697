-- grain: one row per member who can be active (joined and in a cooperative with a formed_on): the
-- compact form the member aggregates are built from, dropped once they are. Active at D means
-- joined_on <= D, cooperative formed by D and left_on null or after D: active over
-- [greatest(joined_on, formed_on), left_on).
with memberships as (
    select * from fct_memberships
    where joined_on is not null
        and cooperative_formed_on is not null
),

cooperative_places as (
    select
        cooperatives.cooperative_id,
        places.place_id
    from dim_cooperatives as cooperatives
    join agg_places as places
        on places.province is not distinct from cooperatives.province
        and places.district is not distinct from cooperatives.district
        and places.value_chain is not distinct from cooperatives.value_chain
),

final as (
    select
        cooperative_places.place_id,
        memberships.sex,
        memberships.birth_year,
        greatest(memberships.joined_on, memberships.cooperative_formed_on) as active_from,
        memberships.left_on as active_until,
        memberships.cooperative_registered_on as registered_on,
        hash(memberships.person_identity) as identity_hash
    from memberships
    join cooperative_places
        on cooperative_places.cooperative_id = memberships.cooperative_id
)

select * from final
