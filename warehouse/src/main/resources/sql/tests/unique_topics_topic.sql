-- every stg_topics row has its own key (topic)
with records as (
    select * from stg_topics
),

final as (
    select
        topic,
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
