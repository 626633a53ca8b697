-- every stg_trainings.topic names a row of stg_topics
with children as (
    select * from stg_trainings
),

parents as (
    select * from stg_topics
),

final as (
    select children.*
    from children
    anti join parents
        on parents.topic = children.topic
    where children.topic is not null
)

select * from final
