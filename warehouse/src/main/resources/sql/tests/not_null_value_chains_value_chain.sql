-- no stg_value_chains row lacks its key (value_chain)
with records as (
    select * from stg_value_chains
),

final as (
    select *
    from records
    where value_chain is null
)

select * from final
