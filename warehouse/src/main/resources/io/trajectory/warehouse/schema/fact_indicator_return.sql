-- fact_indicator_return: one row per figure per load of a return: indicator x period x area x
-- return (and load, when a return file was delivered again with different content). A figure
-- restated in a later return keeps both rows; revision numbers them in load order, is_latest
-- marks the newest and is_as_reported the one the committee first saw.
-- The keys refer to dim_indicator, dim_period, dim_area and dim_rating. They are not declared
-- as foreign keys: DuckDB checks each one per row, which made a national load (millions of
-- rows) five times slower to insert. The publish SQL builds them from the dimensions, and the
-- tests check that every one resolves.
create table fact_indicator_return (
    indicator_key     integer not null,   -- dim_indicator: the version in force for period
    indicator_ref     varchar not null,
    period_key        integer not null,   -- dim_period
    area_key          integer not null,   -- dim_area
    return_period_key integer not null,   -- dim_period: whose return reported it
    batch_id          varchar not null,   -- the ETL batch that loaded it (lake partition)
    revision          integer not null,   -- 1 = first report of this figure
    is_latest         boolean not null,
    is_as_reported    boolean not null,
    actual            double,
    reported_rating   varchar not null,   -- dim_rating: the officer's rating, NOT_AVAILABLE when blank
    is_officer_rated  boolean not null,   -- the officer gave a rating (rag not blank)
    officer_trend     varchar,            -- IMPROVING | NO_CHANGE | WORSENING, as the officer stated
    data_status       varchar,            -- REPORTED | NOT_AVAILABLE | PROVISIONAL
    is_provisional    boolean not null,   -- PROVISIONAL data or a return not yet signed off
    comment           varchar,
    reported_by       varchar,
    source_file       varchar not null,   -- lineage: landing-zone path, line and checksum
    source_line       integer not null,
    source_sha256     varchar not null
);
