-- grain: one row per member (one person's membership of one cooperative)
with source as (
    select * from raw.members
),

final as (
    select
        member_id,
        cooperative_id,
        person_key,
        sex,
        birth_year,
        has_disability,
        joined_on,
        left_on
    from source
)

select * from final
