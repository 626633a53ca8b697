-- every {child}.{column} names a row of {parent} (a null {column} names nothing and passes): the child rows
-- that name none. One test for every relationship: DataTests fills in the models and the column from its
-- fixed list, under the names relationships_<children>_<parents>.
with children as (
    select * from {child}
),

parents as (
    select * from {parent}
),

final as (
    select children.*
    from children
    anti join parents
        on parents.{column} = children.{column}
    where children.{column} is not null
)

select * from final
