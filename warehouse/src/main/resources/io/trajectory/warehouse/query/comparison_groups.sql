-- comparison_groups: every comparison group with its members, in name order.
select g.group_key, g.group_name, a.area_code
from dim_comparison_group as g
join bridge_comparison_group_area as b on b.group_key = g.group_key
join dim_area as a on a.area_key = b.area_key
order by g.group_name, a.area_name
