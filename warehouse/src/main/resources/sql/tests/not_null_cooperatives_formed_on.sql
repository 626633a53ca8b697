-- no stg_cooperatives row lacks its key (formed_on, district_code, value_chain)
with records as (
    select * from stg_cooperatives
),

final as (
    select *
    from records
    where formed_on is null or district_code is null or value_chain is null
)

select * from final
