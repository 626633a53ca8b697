-- every stg_members row has its own key (member_id)
with records as (
    select * from stg_members
),

final as (
    select
        member_id,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
