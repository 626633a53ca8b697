-- grain: one row per quarantined row matching the request, in file order; a page of them
-- parameters: $1 the quarantine's Parquet files, $2 dataset or null, $3 reason or null, $4 limit, $5 offset
with quarantine as (
    select
        cast(dataset as varchar) as dataset,
        cast(source_file as varchar) as source_file,
        cast(source_line as bigint) as source_line,
        cast(reasons as varchar[]) as reasons,
        cast(raw_text as varchar) as raw_text,
        cast(raw_values as map(varchar, varchar)) as raw_values
    from read_parquet($1, union_by_name = true)
),

matching as (
    select *
    from quarantine
    where ($2::varchar is null or dataset = $2)
        -- a reason family (invalid_date) matches each of its columns (invalid_date:formed_on)
        and ($3::varchar is null or len(list_filter(reasons, lambda reason: reason = $3 or starts_with(reason, $3 || ':'))) > 0)
),

final as (
    select
        dataset,
        coalesce(source_file, '') as source_file,
        coalesce(source_line, 0) as source_line,
        coalesce(reasons, []) as reasons,
        coalesce(raw_text, '') as raw_text,
        coalesce(raw_values, map()) as raw_values
    from matching
    order by dataset, source_file, source_line
    limit $4 offset $5
)

select * from final
