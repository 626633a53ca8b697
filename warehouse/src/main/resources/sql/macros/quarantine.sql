-- The quarantined rows of a snapshot's quarantine files that match a request: wanted_dataset, wanted_file (a source
-- file, matched exactly) and wanted_reason null match any. A reason family (invalid_date) matches each of its columns (invalid_date:formed_on); a row
-- matches when any of its reasons does. Read from the files per request, never loaded into a model.
create macro quarantine_matching(files, wanted_dataset, wanted_file, wanted_reason) as table
    select *
    from (
        select
            cast(dataset as varchar) as dataset,
            cast(source_file as varchar) as source_file,
            cast(source_line as bigint) as source_line,
            cast(reasons as varchar[]) as reasons,
            cast(raw_text as varchar) as raw_text,
            cast(raw_values as map(varchar, varchar)) as raw_values,
            cast(last_seen_run as varchar) as last_seen_run
        from read_parquet(files, union_by_name = true)
    ) as quarantine
    where (wanted_dataset is null or dataset = wanted_dataset)
        and (wanted_file is null or coalesce(source_file, '') = wanted_file)
        and (wanted_reason is null
            or len(list_filter(reasons, lambda reason: reason = wanted_reason or starts_with(reason, wanted_reason || ':'))) > 0);
