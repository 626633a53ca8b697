-- grain: one row per cooperative (its current accepted version)
with source as (
    select * from raw.cooperatives
),

final as (
    select
        cooperative_id,
        cooperative_name,
        district_code,
        value_chain,
        formed_on,
        applied_on,
        registered_on,
        bdc_linked_on,
        union_affiliated_on
    from source
)

select * from final
