-- every stg_targets.district_code names a row of stg_districts
with children as (
    select * from stg_targets
),

parents as (
    select * from stg_districts
),

final as (
    select children.*
    from children
    anti join parents
        on parents.district_code = children.district_code
    where children.district_code is not null
)

select * from final
