-- no {model} row lacks its key ({columns}): the rows that lack one of them. One test for every key:
-- DataTests fills in the model and the columns from its fixed list, under the names not_null_<model>_<key>.
with records as (
    select * from {model}
),

final as (
    select *
    from records
    where {any_column_is_null}
)

select * from final
