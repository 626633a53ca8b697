-- grain: one row per cell (place, sex, age band) and day on which its active members change: how many
-- start less how many stop being active that day, in all, in a registered cooperative, and among persons
-- with one membership. Sorted by day, so a query for one month reads only that month's row groups.
with spans as (
    select * from int_membership_spans
),

events as (
    select
        place_id,
        sex,
        age_band,
        unnest([
            {'on_date': active_from, 'active': 1, 'registered': 0},
            {'on_date': active_until, 'active': -1, 'registered': 0},
            {'on_date': registered_from, 'active': 0, 'registered': 1},
            {'on_date': case when registered_from is not null then active_until end, 'active': 0, 'registered': -1}
        ]) as event,
        is_only_membership
    from spans
),

final as (
    select
        place_id,
        sex,
        age_band,
        event.on_date,
        date_trunc('month', event.on_date)::date as month_start,
        sum(event.active)::integer as active,
        sum(event.registered)::integer as registered,
        sum(case when is_only_membership then event.active else 0 end)::integer as only_memberships
    from events
    where event.on_date is not null
    group by all
)

select * from final
-- a day when as many start as stop changes nothing: left out
where active <> 0 or registered <> 0 or only_memberships <> 0
order by on_date, place_id, sex, age_band
