-- grain: one row per district of the reference list, with its province: stg_districts kept as a table,
-- from which every other model and the reference data take the names of places
select * from stg_districts
