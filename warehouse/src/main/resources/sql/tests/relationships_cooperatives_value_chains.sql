-- every stg_cooperatives.value_chain names a row of stg_value_chains
with children as (
    select * from stg_cooperatives
),

parents as (
    select * from stg_value_chains
),

final as (
    select children.*
    from children
    anti join parents
        on parents.value_chain = children.value_chain
    where children.value_chain is not null
)

select * from final
