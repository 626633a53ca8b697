-- grain: one row per training topic of the reference list
with source as (
    select * from raw.topics
),

final as (
    select
        topic,
        label as topic_label
    from source
)

select * from final
