-- grain: one row per period of the query and cooperative that exists at the period's last day D
-- (formed_on <= D), with what it has reached by D. `periods` is the query's own table of periods.
select
    periods.period,
    cooperatives.province,
    cooperatives.district,
    cooperatives.value_chain,
    cooperatives.registered_on <= periods.period_to as is_registered,
    cooperatives.bdc_linked_on <= periods.period_to as is_bdc_linked,
    cooperatives.union_affiliated_on <= periods.period_to as is_union_affiliated,
    cooperatives.first_attended_on <= periods.period_to as has_attended,
    cooperatives.days_to_registration
from periods
join dim_cooperatives as cooperatives
    on cooperatives.formed_on <= periods.period_to
