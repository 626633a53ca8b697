-- grain: one row per cooperative whose id or name contains the search text (case-insensitive); exact ids first,
-- then ids and names that start with it, then the others; at most `result_limit` rows.
-- parameters: search text, result limit
with parameters as (
    select
        lower(trim(?::varchar)) as search_text,
        ?::integer as result_limit
),

cooperatives as (
    select * from dim_cooperatives
),

matches as (
    select
        cooperatives.cooperative_id,
        cooperatives.cooperative_name,
        cooperatives.province,
        cooperatives.district,
        cooperatives.value_chain,
        case
            when lower(cooperatives.cooperative_id) = parameters.search_text then 0
            when starts_with(lower(cooperatives.cooperative_id), parameters.search_text) then 1
            when starts_with(lower(coalesce(cooperatives.cooperative_name, '')), parameters.search_text) then 2
            else 3
        end as match_rank
    from cooperatives
    cross join parameters
    where contains(lower(cooperatives.cooperative_id), parameters.search_text)
        or contains(lower(coalesce(cooperatives.cooperative_name, '')), parameters.search_text)
),

final as (
    select
        cooperative_id,
        cooperative_name,
        province,
        district,
        value_chain
    from matches
    order by match_rank, cooperative_name, cooperative_id
    limit (select result_limit from parameters)
)

select * from final
