-- no stg_districts row lacks its key (district_code, district, province)
with records as (
    select * from stg_districts
),

final as (
    select *
    from records
    where district_code is null or district is null or province is null
)

select * from final
