-- fact_trajectory: one row per indicator per area per quarter of the plan in force there: the
-- planned value, the stretch planned value and the reward threshold (baseline + reward share of
-- the stretch improvement). Quarters where the plan gives none of them have no row.
-- Key: (indicator_ref, area_key, period_key).
create table fact_trajectory (
    indicator_ref         varchar not null,
    indicator_key         integer not null references dim_indicator (indicator_key),
    area_key              integer not null references dim_area (area_key),
    period_key            integer not null references dim_period (period_key),
    plan_key              integer not null references dim_plan (plan_key),
    baseline_value        double,         -- baseline for this quarter (profiled q/4 when cumulative)
    planned_value         double,
    stretch_planned_value double,
    reward_threshold      double,
    is_explicit           boolean not null, -- planned value given in trajectories.csv
    primary key (indicator_ref, area_key, period_key)
);
