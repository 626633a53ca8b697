-- grain: one row per district of the reference list
with source as (
    select * from raw.districts
),

final as (
    select
        district_code,
        district,
        province_code,
        province
    from source
)

select * from final
