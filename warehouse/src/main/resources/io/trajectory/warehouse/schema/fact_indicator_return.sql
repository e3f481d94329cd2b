-- fact_indicator_return: one row per figure per load of a return: indicator x period x area x
-- return (and load, when a return file was delivered again with different content). A figure
-- restated in a later return keeps both rows; revision numbers them in load order, is_latest
-- marks the newest and is_as_reported the one the committee first saw.
create table fact_indicator_return (
    indicator_key     integer not null references dim_indicator (indicator_key), -- version in force for period
    indicator_ref     varchar not null,
    period_key        integer not null references dim_period (period_key),
    area_key          integer not null references dim_area (area_key),
    return_period_key integer not null references dim_period (period_key),   -- whose return reported it
    batch_id          varchar not null,   -- the ETL batch that loaded it (lake partition)
    revision          integer not null,   -- 1 = first report of this figure
    is_latest         boolean not null,
    is_as_reported    boolean not null,
    actual            double,
    reported_rating   varchar not null references dim_rating (rating_code), -- officer's rating, NOT_AVAILABLE when blank
    officer_trend     varchar,            -- IMPROVING | NO_CHANGE | WORSENING, as the officer stated
    data_status       varchar,            -- REPORTED | NOT_AVAILABLE | PROVISIONAL
    is_provisional    boolean not null,   -- PROVISIONAL data or a return not yet signed off
    comment           varchar,
    reported_by       varchar,
    source_file       varchar not null,   -- lineage: landing-zone path, line and checksum
    source_line       integer not null,
    source_sha256     varchar not null
);
