-- grain: one row: monthly_until, 31 December of the year of the last day anyone joins, leaves or is
-- registered. After it nothing changes but age bands (on 1 January): the stock at a later D is the
-- members still active then (agg_membership_lasting), in their bands of D's year.
select make_date(year(max(greatest(active_from, active_until, registered_on))), 12, 31) as monthly_until
from int_memberships
