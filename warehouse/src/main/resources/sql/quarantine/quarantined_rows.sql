-- grain: one row per quarantined row matching the request, in file order; a page of them
-- resolved: a later run than the one that last saw the row accepted a version of its key (the corrected row)
-- parameters: $1 the quarantine's Parquet files, $2 dataset or null, $3 source file or null, $4 reason or null (see macros/quarantine), $5 limit, $6 offset
with matching as (
    select * from quarantine_matching($1, $2::varchar, $3::varchar, $4::varchar)
),

final as (
    select
        dataset,
        coalesce(source_file, '') as source_file,
        coalesce(source_line, 0) as source_line,
        coalesce(reasons, []) as reasons,
        coalesce(raw_text, '') as raw_text,
        coalesce(raw_values, map()) as raw_values,
        coalesce(case dataset
            when 'cooperatives' then exists (
                select 1 from raw.cooperatives as accepted
                where accepted.cooperative_id = trim(map_extract(raw_values, 'cooperative_id')[1])
                    and accepted.ingest_run > matching.last_seen_run)
            when 'members' then exists (
                select 1 from raw.members as accepted
                where accepted.member_id = trim(map_extract(raw_values, 'member_id')[1])
                    and accepted.ingest_run > matching.last_seen_run)
            when 'trainings' then exists (
                select 1 from raw.trainings as accepted
                where accepted.session_id = trim(map_extract(raw_values, 'session_id')[1])
                    and accepted.cooperative_id = trim(map_extract(raw_values, 'cooperative_id')[1])
                    and coalesce(accepted.member_id, '') = coalesce(nullif(trim(map_extract(raw_values, 'member_id')[1]), ''), '')
                    and accepted.ingest_run > matching.last_seen_run)
            when 'coaching' then exists (
                select 1 from raw.coaching as accepted
                where accepted.visit_id = trim(map_extract(raw_values, 'visit_id')[1])
                    and accepted.ingest_run > matching.last_seen_run)
        end, false) as resolved
    from matching
    order by dataset, source_file, source_line
    limit $5 offset $6
)

select * from final
