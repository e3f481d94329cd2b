-- areas: every area a figure can be reported for; area_code '' is the whole authority. Its
-- kind, the area it lies within, and whether any published figure is for it.
select a.area_key, a.area_code, a.area_name, a.is_whole_authority, a.area_type, p.area_code as parent_area_code,
       exists (select 1 from fact_indicator_return as f where f.area_key = a.area_key) as has_figures
from dim_area as a
left join dim_area as p on p.area_key = a.parent_area_key
order by not a.is_whole_authority, a.area_name
