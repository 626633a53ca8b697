-- grain: one row per cooperative that exists at the as-of date, is in the cell (each place filter null for any) and
-- has reached the stage by then, with its funnel dates up to that date, its last coaching visit and maturity score,
-- its active members and whether it is stuck: formed more than `unregistered_days` before the as-of date and not
-- registered, or no coaching visit in the last `unvisited_days` days (never visited counts from its formation)
-- parameters: as-of date, provinces, districts, value chains (each comma-separated or null), stage,
-- unregistered days, unvisited days
with parameters as (
    select
        ?::date as as_of,
        string_split(?::varchar, ',') as provinces,
        string_split(?::varchar, ',') as districts,
        string_split(?::varchar, ',') as value_chains,
        ?::varchar as stage,
        ?::integer as unregistered_days,
        ?::integer as unvisited_days
),

cooperatives as (
    select * from dim_cooperatives
),

visits as (
    select * from fct_coaching_visits
),

memberships as (
    select * from fct_memberships
),

in_cell as (
    select
        cooperatives.*,
        parameters.as_of,
        parameters.stage,
        parameters.unregistered_days,
        parameters.unvisited_days
    from cooperatives
    cross join parameters
    where cooperatives.formed_on <= parameters.as_of
        and (parameters.provinces is null or list_contains(parameters.provinces, cooperatives.province))
        and (parameters.districts is null or list_contains(parameters.districts, cooperatives.district))
        and (parameters.value_chains is null or list_contains(parameters.value_chains, cooperatives.value_chain))
),

-- each date as it stood at the as-of date: a step taken later is not taken yet
as_of_dates as (
    select
        cooperative_id,
        cooperative_name,
        province,
        district,
        value_chain,
        formed_on,
        case when first_attended_on <= as_of then first_attended_on end as first_attended_on,
        case when applied_on <= as_of then applied_on end as applied_on,
        case when registered_on <= as_of then registered_on end as registered_on,
        case when bdc_linked_on <= as_of then bdc_linked_on end as bdc_linked_on,
        case when union_affiliated_on <= as_of then union_affiliated_on end as union_affiliated_on,
        as_of,
        stage,
        unregistered_days,
        unvisited_days
    from in_cell
),

last_visits as (
    select
        visits.cooperative_id,
        max(visits.visited_on) as last_visited_on,
        arg_max(visits.maturity_score, visits.visited_on) as last_maturity_score
    from visits
    join as_of_dates
        on as_of_dates.cooperative_id = visits.cooperative_id
        and visits.visited_on <= as_of_dates.as_of
    group by visits.cooperative_id
),

active_members as (
    select
        memberships.cooperative_id,
        count(*) as members_active
    from memberships
    join as_of_dates
        on as_of_dates.cooperative_id = memberships.cooperative_id
        and memberships.joined_on <= as_of_dates.as_of
        and (memberships.left_on is null or memberships.left_on > as_of_dates.as_of)
    group by memberships.cooperative_id
),

final as (
    select
        as_of_dates.cooperative_id,
        as_of_dates.cooperative_name,
        as_of_dates.province,
        as_of_dates.district,
        as_of_dates.value_chain,
        as_of_dates.formed_on,
        as_of_dates.first_attended_on,
        as_of_dates.applied_on,
        as_of_dates.registered_on,
        as_of_dates.bdc_linked_on,
        as_of_dates.union_affiliated_on,
        last_visits.last_visited_on,
        last_visits.last_maturity_score,
        coalesce(active_members.members_active, 0) as members_active,
        as_of_dates.as_of - as_of_dates.formed_on as days_since_formed,
        as_of_dates.registered_on is null
            and as_of_dates.as_of - as_of_dates.formed_on > as_of_dates.unregistered_days as is_stuck_unregistered,
        as_of_dates.as_of - coalesce(last_visits.last_visited_on, as_of_dates.formed_on) > as_of_dates.unvisited_days as is_stuck_unvisited
    from as_of_dates
    left join last_visits
        on last_visits.cooperative_id = as_of_dates.cooperative_id
    left join active_members
        on active_members.cooperative_id = as_of_dates.cooperative_id
    where case as_of_dates.stage
        when 'formed' then true
        when 'trained' then as_of_dates.first_attended_on is not null
        when 'applied' then as_of_dates.applied_on is not null
        when 'registered' then as_of_dates.registered_on is not null
        when 'bdc_linked' then as_of_dates.bdc_linked_on is not null
        when 'union_affiliated' then as_of_dates.union_affiliated_on is not null
        when 'not_registered' then as_of_dates.registered_on is null
    end
)

select * from final
