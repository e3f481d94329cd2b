-- dim_plan: one row per version of a plan: where an indicator in an area started and where it
-- is going. The whole authority's plans are the register's (one per indicator version); an
-- area's own come from definitions/area_targets.csv (one per valid_from), or, when it has only
-- explicit planned values in trajectories.csv, a plan with no targets. An area with no plan
-- has no planned values, gaps or computed rating. Key: plan_key; natural key:
-- (indicator_ref, area_key, valid_from_key).
create table dim_plan (
    plan_key             integer primary key,
    indicator_ref        varchar not null,
    area_key             integer not null references dim_area (area_key),
    version              integer not null,
    baseline_period_key  integer,
    baseline_value       double,
    target_period_key    integer,
    target_value         double,
    stretch_target_value double,
    valid_from_key       integer not null,
    valid_to_key         integer,           -- exclusive; null while current
    source               varchar not null,  -- register | area_targets | trajectories
    source_file          varchar not null,
    source_line          integer,
    unique (indicator_ref, area_key, valid_from_key)
);
