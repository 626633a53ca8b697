-- no stg_topics row lacks its key (topic)
with records as (
    select * from stg_topics
),

final as (
    select *
    from records
    where topic is null
)

select * from final
