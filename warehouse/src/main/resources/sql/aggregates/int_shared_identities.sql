-- grain: one row per hash of a person_identity held by more than one membership. A hash collision
-- only adds a person here, where persons_reached counts exactly (agg_shared_memberships).
select identity_hash
from int_memberships
group by identity_hash
having count(*) > 1
