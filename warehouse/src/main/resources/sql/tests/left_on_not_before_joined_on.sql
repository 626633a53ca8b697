-- a member leaves on or after the day they joined
with members as (
    select * from stg_members
),

final as (
    select
        member_id,
        joined_on,
        left_on
    from members
    where left_on < joined_on
)

select * from final
