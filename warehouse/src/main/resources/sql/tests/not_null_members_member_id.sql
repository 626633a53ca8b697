-- no stg_members row lacks its key (member_id, cooperative_id)
with records as (
    select * from stg_members
),

final as (
    select *
    from records
    where member_id is null or cooperative_id is null
)

select * from final
