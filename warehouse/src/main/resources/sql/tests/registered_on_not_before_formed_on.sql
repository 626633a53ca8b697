-- a cooperative is registered on or after the day it was formed
with cooperatives as (
    select * from stg_cooperatives
),

final as (
    select
        cooperative_id,
        formed_on,
        registered_on
    from cooperatives
    where registered_on < formed_on
)

select * from final
