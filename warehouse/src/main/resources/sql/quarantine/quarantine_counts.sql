-- grain: one row per dataset and reason among the quarantined rows matching the request, each with the number of matching rows
-- parameters: $1 the quarantine's Parquet files, $2 dataset or null, $3 reason or null
with quarantine as (
    select
        cast(dataset as varchar) as dataset,
        cast(reasons as varchar[]) as reasons
    from read_parquet($1, union_by_name = true)
),

matching as (
    select *
    from quarantine
    where ($2::varchar is null or dataset = $2)
        and ($3::varchar is null or len(list_filter(reasons, lambda reason: reason = $3 or starts_with(reason, $3 || ':'))) > 0)
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
