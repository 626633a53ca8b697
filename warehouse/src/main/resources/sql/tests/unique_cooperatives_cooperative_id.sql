-- every stg_cooperatives row has its own key (cooperative_id)
with records as (
    select * from stg_cooperatives
),

final as (
    select
        cooperative_id,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
