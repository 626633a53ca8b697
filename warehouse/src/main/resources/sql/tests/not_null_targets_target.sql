-- no stg_targets row lacks its key (target, target_value)
with records as (
    select * from stg_targets
),

final as (
    select *
    from records
    where target is null or target_value is null
)

select * from final
