-- grain: one row per quarantined row matching the request, in file order; a page of them
-- parameters: $1 the quarantine's Parquet files, $2 dataset or null, $3 reason or null (see macros/quarantine), $4 limit, $5 offset
with matching as (
    select * from quarantine_matching($1, $2::varchar, $3::varchar)
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
