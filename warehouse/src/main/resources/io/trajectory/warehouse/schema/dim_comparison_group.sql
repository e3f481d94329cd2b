-- dim_comparison_group: one row per comparison group of similar areas (definitions/
-- comparison_groups.csv), e.g. a CIPFA nearest-neighbour set or an LGBF family group.
-- Key: group_key.
create table dim_comparison_group (
    group_key  integer primary key,
    group_name varchar not null unique,
    members    integer not null
);
