-- every stg_targets row has its own key (target, district_code)
with records as (
    select * from stg_targets
),

final as (
    select
        target, district_code,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
