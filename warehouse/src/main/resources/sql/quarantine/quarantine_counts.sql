-- grain: one row per dataset, source file and reason among the quarantined rows matching the request, each with the number of matching rows
-- parameters: $1 the quarantine's Parquet files, $2 dataset or null, $3 source file or null, $4 reason or null (see macros/quarantine)
with matching as (
    select * from quarantine_matching($1, $2::varchar, $3::varchar, $4::varchar)
),

totals as (
    select count(*) as total
    from matching
),

reasons as (
    select
        dataset,
        coalesce(source_file, '') as source_file,
        unnest(reasons) as reason
    from matching
),

counted as (
    select
        dataset,
        source_file,
        reason,
        count(*) as row_count
    from reasons
    group by dataset, source_file, reason
),

-- one row even when nothing matches, so that the total is always there
final as (
    select
        totals.total,
        counted.dataset,
        counted.source_file,
        counted.reason,
        counted.row_count
    from totals
    left join counted
        on true
    order by counted.dataset, counted.source_file, counted.reason
)

select * from final
