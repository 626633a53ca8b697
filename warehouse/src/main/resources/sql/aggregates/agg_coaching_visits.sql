-- grain: one row per cooperative and day visited: how many coaching visits
with visits as (
    select * from fct_coaching_visits
),

final as (
    select
        visited_on,
        cooperative_id,
        district,
        province,
        value_chain,
        count(*) as visit_count
    from visits
    group by all
)

select * from final
order by visited_on
