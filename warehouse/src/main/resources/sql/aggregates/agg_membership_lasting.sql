-- grain: one row per place, sex and birth year: the members who never leave (active after monthly_until,
-- agg_membership_horizon), of them those in a registered cooperative and those with one membership.
-- Every join and registration is on or before monthly_until, so after it these are the active members.
with memberships as (
    select * from int_memberships
),

shared as (
    select * from int_shared_identities
),

final as (
    select
        memberships.place_id,
        memberships.sex,
        memberships.birth_year,
        cast(count(*) as integer) as active,
        cast(count(*) filter (where memberships.registered_on is not null) as integer) as registered,
        cast(count(*) filter (where shared.identity_hash is null) as integer) as only_memberships
    from memberships
    left join shared
        on shared.identity_hash = memberships.identity_hash
    where memberships.active_until is null
    group by all
)

select * from final
