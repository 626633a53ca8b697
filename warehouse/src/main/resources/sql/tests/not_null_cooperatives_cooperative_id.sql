-- no stg_cooperatives row lacks its key (cooperative_id)
with records as (
    select * from stg_cooperatives
),

final as (
    select *
    from records
    where cooperative_id is null
)

select * from final
