-- grain: one row per cell (place, sex, age band) and month end up to monthly_until (agg_membership_horizon)
-- with any active member: the members active that day, cumulated from agg_membership_changes. A stock at
-- D is the state at the end of the month before D's month plus the changes of D's month up to D.
with changes as (
    select * from agg_membership_changes
),

months as (
    select
        (month_start + interval 1 month - interval 1 day)::date as month_end
    from (
        select unnest(generate_series(
            min(month_start),
            date_trunc('month', (select monthly_until from agg_membership_horizon))::date,
            interval 1 month))::date as month_start
        from changes
    )
),

monthly_changes as (
    select
        place_id,
        sex,
        age_band,
        (month_start + interval 1 month - interval 1 day)::date as month_end,
        sum(active) as active,
        sum(registered) as registered,
        sum(only_memberships) as only_memberships
    from changes
    group by all
),

cell_months as (
    select
        cells.place_id,
        cells.sex,
        cells.age_band,
        months.month_end
    from (select distinct place_id, sex, age_band from changes) as cells
    cross join months
),

cumulated as (
    select
        cell_months.place_id,
        cell_months.sex,
        cell_months.age_band,
        cell_months.month_end,
        sum(coalesce(monthly_changes.active, 0)) over running as active,
        sum(coalesce(monthly_changes.registered, 0)) over running as registered,
        sum(coalesce(monthly_changes.only_memberships, 0)) over running as only_memberships
    from cell_months
    left join monthly_changes
        on monthly_changes.place_id = cell_months.place_id
        and monthly_changes.sex is not distinct from cell_months.sex
        and monthly_changes.age_band = cell_months.age_band
        and monthly_changes.month_end = cell_months.month_end
    window running as (
        partition by cell_months.place_id, cell_months.sex, cell_months.age_band
        order by cell_months.month_end
        rows between unbounded preceding and current row
    )
),

final as (
    select
        month_end,
        place_id,
        sex,
        age_band,
        active::integer as active,
        registered::integer as registered,
        only_memberships::integer as only_memberships
    from cumulated
    -- registered and single-person members are among the active ones: a cell with none active has none
    where active <> 0
)

select * from final
order by month_end, place_id, sex, age_band
