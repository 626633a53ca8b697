-- grain: one row per dataset, district (null: the unknown-district bucket) and reason, with the dataset-district's
-- rows accepted and rejected in the period (a reason row with reason null carries a bucket without rejected rows)
-- parameters: $1 the quarantine's Parquet files, $2 the period's first day, $3 its last day, $4 the snapshot's as-of date
-- the period date of a row: the record's own date (formed_on, joined_on, held_on, visited_on) where it parses as a
-- contract date (yyyy-MM-dd, dd/MM/yyyy, or the date part of an ISO date-time), else the date of the run that last
-- saw it (a run id starts yyyyMMdd), else the snapshot's as-of date
-- the district of a rejected row: its own district field (cooperatives, trainings), normalised as the ingest does,
-- when it names one of the districts; members and visits through their cooperative when the warehouse holds it;
-- anything else the unknown bucket (null)
with quarantine as (
    select * from quarantine_matching($1, null::varchar, null::varchar, null::varchar)
),

cooperatives as (
    select cooperative_id, district_code from stg_cooperatives
),

districts as (
    select district_code, lower(district) as district_key from stg_districts
),

rejected_values as (
    select
        dataset,
        reasons,
        last_seen_run,
        nullif(trim(map_extract(raw_values, case dataset
            when 'cooperatives' then 'formed_on'
            when 'members' then 'joined_on'
            when 'trainings' then 'held_on'
            when 'coaching' then 'visited_on'
        end)[1]), '') as raw_date,
        nullif(trim(map_extract(raw_values, 'district')[1]), '') as raw_district,
        nullif(trim(map_extract(raw_values, 'cooperative_id')[1]), '') as raw_cooperative
    from quarantine
),

rejected_keys as (
    select
        dataset,
        reasons,
        coalesce(
            cast(try_strptime(raw_date, '%Y-%m-%d') as date),
            cast(try_strptime(raw_date, '%d/%m/%Y') as date),
            case when length(raw_date) > 10 and substr(raw_date, 11, 1) = 'T' then cast(try_strptime(left(raw_date, 10), '%Y-%m-%d') as date) end,
            cast(try_strptime(left(last_seen_run, 8), '%Y%m%d') as date),
            $4::date) as period_date,
        regexp_replace(regexp_replace(lower(raw_district), '\s+district$', ''), '^akarere\s+ka\s+', '') as district_key,
        raw_cooperative
    from rejected_values
),

rejected as (
    select
        rejected_keys.dataset,
        rejected_keys.reasons,
        case
            when rejected_keys.dataset in ('cooperatives', 'trainings') then coalesce(by_code.district_code, by_name.district_code)
            else cooperatives.district_code
        end as district_code
    from rejected_keys
    left join districts as by_code
        on by_code.district_code = rejected_keys.district_key
    left join districts as by_name
        on by_name.district_key = rejected_keys.district_key
    left join cooperatives
        on cooperatives.cooperative_id = rejected_keys.raw_cooperative
    where rejected_keys.period_date between $2::date and $3::date
),

accepted as (
    select 'cooperatives' as dataset, district_code, count(*) as accepted_rows
    from stg_cooperatives
    where formed_on between $2::date and $3::date
    group by district_code
    union all
    select 'members', cooperatives.district_code, count(*)
    from stg_members
    left join cooperatives
        on cooperatives.cooperative_id = stg_members.cooperative_id
    where joined_on between $2::date and $3::date
    group by cooperatives.district_code
    union all
    select 'trainings', district_code, count(*)
    from stg_trainings
    where held_on between $2::date and $3::date
    group by district_code
    union all
    select 'coaching', cooperatives.district_code, count(*)
    from stg_coaching_visits
    left join cooperatives
        on cooperatives.cooperative_id = stg_coaching_visits.cooperative_id
    where visited_on between $2::date and $3::date
    group by cooperatives.district_code
),

rejected_totals as (
    select dataset, district_code, count(*) as rejected_rows
    from rejected
    group by dataset, district_code
),

reason_counts as (
    select dataset, district_code, reason, count(*) as reason_rows
    from (select dataset, district_code, unnest(reasons) as reason from rejected)
    group by dataset, district_code, reason
),

buckets as (
    select
        coalesce(accepted.dataset, rejected_totals.dataset) as dataset,
        coalesce(accepted.district_code, rejected_totals.district_code) as district_code,
        coalesce(accepted.accepted_rows, 0) as accepted_rows,
        coalesce(rejected_totals.rejected_rows, 0) as rejected_rows
    from accepted
    full join rejected_totals
        on rejected_totals.dataset = accepted.dataset
        and rejected_totals.district_code is not distinct from accepted.district_code
),

final as (
    select
        buckets.dataset,
        buckets.district_code,
        buckets.accepted_rows,
        buckets.rejected_rows,
        reason_counts.reason,
        reason_counts.reason_rows
    from buckets
    left join reason_counts
        on reason_counts.dataset = buckets.dataset
        and reason_counts.district_code is not distinct from buckets.district_code
    order by buckets.dataset, buckets.district_code nulls last, reason_counts.reason_rows desc, reason_counts.reason
)

select * from final
