-- every stg_value_chains row has its own key (value_chain)
with records as (
    select * from stg_value_chains
),

final as (
    select
        value_chain,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
