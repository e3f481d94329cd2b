-- bridge_comparison_group_area: which areas are in which comparison group; an area may be in
-- several. Key: (group_key, area_key).
create table bridge_comparison_group_area (
    group_key integer not null references dim_comparison_group (group_key),
    area_key  integer not null references dim_area (area_key),
    primary key (group_key, area_key)
);
