-- no district has more registered cooperatives than formed ones
with cooperatives as (
    select * from dim_cooperatives
),

per_district as (
    select
        district_code,
        count(formed_on) as formed,
        count(registered_on) as registered
    from cooperatives
    group by district_code
),

final as (
    select *
    from per_district
    where registered > formed
)

select * from final
