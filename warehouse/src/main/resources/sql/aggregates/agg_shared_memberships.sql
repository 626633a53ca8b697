-- grain: one row per membership of a person with several memberships (int_shared_identities).
-- persons_reached counts these persons with count(distinct person_identity); every other person has one
-- membership, so their active memberships count them (only_memberships of agg_membership_changes).
with memberships as (
    select * from fct_memberships
    where joined_on is not null
        and cooperative_formed_on is not null
),

final as (
    select
        person_identity,
        province,
        district,
        value_chain,
        sex,
        birth_year,
        greatest(joined_on, cooperative_formed_on) as active_from,
        left_on as active_until
    from memberships
    where hash(person_identity) in (select identity_hash from int_shared_identities)
)

select * from final
