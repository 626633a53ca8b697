-- grain: one row per province, district and value chain that has a cooperative: the places that the
-- member aggregates count in
with places as (
    select distinct province, district, value_chain from dim_cooperatives
),

final as (
    select
        row_number() over (order by province, district, value_chain) as place_id,
        province,
        district,
        value_chain
    from places
)

select * from final
