-- every {model} row has its own key ({columns}): each key that more than one row has, with how many. One
-- test for every key: DataTests fills in the model and the key from its fixed list, under the names
-- unique_<model>_<key>.
with records as (
    select * from {model}
),

final as (
    select
        {columns},
        count(*) as occurrences
    from records
    group by all
    having count(*) > 1
)

select * from final
