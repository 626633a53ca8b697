-- grain: one row per period of the query, cooperative and day inside it with coaching visits: how many
select
    periods.period,
    visits.province,
    visits.district,
    visits.value_chain,
    visits.cooperative_id,
    visits.visit_count
from periods
join agg_coaching_visits as visits
    on visits.visited_on between periods.period_from and periods.period_to
