-- every stg_districts row has its own key (district_code)
with records as (
    select * from stg_districts
),

final as (
    select
        district_code,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
