-- grain: one row per dataset and reason among the quarantined rows matching the request, each with the number of matching rows
-- parameters: $1 the quarantine's Parquet files, $2 dataset or null, $3 reason or null (see macros/quarantine)
with matching as (
    select * from quarantine_matching($1, $2::varchar, $3::varchar)
),

totals as (
    select count(*) as total
    from matching
),

reasons as (
    select
        dataset,
        unnest(reasons) as reason
    from matching
),

counted as (
    select
        dataset,
        reason,
        count(*) as row_count
    from reasons
    group by dataset, reason
),

-- one row even when nothing matches, so that the total is always there
final as (
    select
        totals.total,
        counted.dataset,
        counted.reason,
        counted.row_count
    from totals
    left join counted
        on true
    order by counted.dataset, counted.reason
)

select * from final
