-- grain: one row per value chain of the reference list
with source as (
    select * from raw.value_chains
),

final as (
    select
        value_chain,
        label as value_chain_label
    from source
)

select * from final
