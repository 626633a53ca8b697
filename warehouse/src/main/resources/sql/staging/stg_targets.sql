-- grain: one row per target and district; a null district_code is a programme-wide target
with source as (
    select * from raw.targets
),

final as (
    select
        target,
        district_code,
        value as target_value
    from source
)

select * from final
