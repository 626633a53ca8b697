-- grain: one row per member and age band: the span of days up to monthly_until (agg_membership_horizon)
-- the member is active in that band; a span still open then has no end. The band at D depends on
-- year(D) - birth_year, so it changes on 1 January: each band's years cut the active span.
-- Bands: none (no birth year) and those of macros/age_bands.
with memberships as (
    select * from int_memberships
),

horizon as (
    select monthly_until from agg_membership_horizon
),

member_bands as (
    -- the bands of macros/age_bands, unnested per member (see there why not a join with a table of bands)
    select
        memberships.*,
        unnest(case
            when memberships.birth_year is null then [{'age_band': 'none', 'min_age': null::integer, 'max_age': null::integer}]
            else age_bands()
        end) as band
    from memberships
),

pieces as (
    select
        place_id,
        sex,
        band.age_band,
        -- greatest and least skip nulls: a band without a bound and a member who has not left are open-ended
        greatest(active_from, make_date(birth_year + band.min_age, 1, 1)) as active_from,
        least(active_until, make_date(birth_year + band.max_age + 1, 1, 1)) as active_until,
        registered_on,
        identity_hash not in (select identity_hash from int_shared_identities) as is_only_membership
    from member_bands
),

until_horizon as (
    select
        pieces.place_id,
        pieces.sex,
        pieces.age_band,
        pieces.active_from,
        case when pieces.active_until <= (select monthly_until from horizon) then pieces.active_until end as active_until,
        pieces.registered_on,
        pieces.is_only_membership
    from pieces
    where pieces.active_from <= (select monthly_until from horizon)
),

final as (
    select
        place_id,
        sex,
        age_band,
        active_from,
        active_until,
        -- registered and active: from the later of the two starts, if that comes before the span ends
        case
            when registered_on is not null
                and (active_until is null or greatest(active_from, registered_on) < active_until)
                then greatest(active_from, registered_on)
        end as registered_from,
        is_only_membership
    from until_horizon
    where active_until is null or active_from < active_until
)

select * from final
