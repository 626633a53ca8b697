-- grain: one row per cooperative, with the names of its district, province and value chain
with cooperatives as (
    select * from stg_cooperatives
),

districts as (
    select * from dim_districts
),

value_chains as (
    select * from stg_value_chains
),

trainings as (
    select * from stg_trainings
),

first_attendances as (
    select
        cooperative_id,
        min(held_on) as first_attended_on
    from trainings
    group by cooperative_id
),

final as (
    select
        cooperatives.cooperative_id,
        cooperatives.cooperative_name,
        cooperatives.district_code,
        districts.district,
        districts.province_code,
        districts.province,
        cooperatives.value_chain,
        value_chains.value_chain_label,
        cooperatives.formed_on,
        cooperatives.applied_on,
        cooperatives.registered_on,
        cooperatives.bdc_linked_on,
        cooperatives.union_affiliated_on,
        cooperatives.registered_on - cooperatives.formed_on as days_to_registration,
        first_attendances.first_attended_on
    from cooperatives
    left join districts
        on districts.district_code = cooperatives.district_code
    left join value_chains
        on value_chains.value_chain = cooperatives.value_chain
    left join first_attendances
        on first_attendances.cooperative_id = cooperatives.cooperative_id
)

select * from final
