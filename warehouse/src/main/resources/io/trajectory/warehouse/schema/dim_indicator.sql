-- dim_indicator: one row per version of an indicator (type-2 history). A change of title,
-- target or officer in the register makes a new version, in force from valid_from_key up to
-- (not including) valid_to_key. Key: indicator_key; natural key: (indicator_ref, version).
create table dim_indicator (
    indicator_key        integer primary key,
    indicator_ref        varchar not null,
    version              integer not null,
    ni_code              varchar,
    title                varchar not null,
    theme_key            integer not null references dim_theme (theme_key),
    polarity             varchar not null,  -- HIGHER_IS_BETTER | LOWER_IS_BETTER
    polarity_sign        integer not null,  -- +1 | -1: gaps and directions multiply by it
    unit                 varchar not null,  -- COUNT | PERCENT | RATE | SCORE | MONEY
    accumulation         varchar not null,  -- LEVEL | CUMULATIVE_YTD
    frequency            varchar not null,  -- QUARTERLY | ANNUAL | MONTHLY (reported as a quarterly figure)
    due_quarter          integer,           -- ANNUAL: 1-4, the quarter whose return carries the year's figure; else null
    baseline_period_key  integer,
    baseline_value       double,
    target_period_key    integer,
    target_value         double,            -- null: no target yet (NO_TARGET)
    stretch_target_value double,
    is_reward_target     boolean not null,
    officer_key          integer references dim_officer (officer_key),
    valid_from_key       integer not null,
    valid_to_key         integer,           -- exclusive; null while current
    is_current           boolean not null,
    source_file          varchar not null,
    source_line          integer not null,
    unique (indicator_ref, version)
);
