-- grain: one row per district, with its province
with districts as (
    select * from stg_districts
),

final as (
    select
        district_code,
        district,
        province_code,
        province
    from districts
)

select * from final
