-- areas: every area a figure can be reported for; area_code '' is the whole authority.
select area_key, area_code, area_name, is_whole_authority
from dim_area
order by not is_whole_authority, area_name
