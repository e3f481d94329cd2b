-- fact_commitment_return: one row per commitment item per quarterly report (latest load of
-- that report). recorded_previous_rating is what the previous quarter's report said, so a
-- mismatch with stated_previous_rating (what this report claims it was) is visible.
create table fact_commitment_return (
    commitment_key             integer not null references dim_commitment (commitment_key),
    period_key                 integer not null references dim_period (period_key),
    rating                     varchar not null references dim_rating (rating_code),
    stated_previous_rating     varchar references dim_rating (rating_code),
    stated_previous_period_key integer,
    recorded_previous_rating   varchar references dim_rating (rating_code),
    status_text                varchar,    -- the raw status cell
    comment                    varchar,
    section                    varchar,    -- report section the row appeared under
    officer_key                integer references dim_officer (officer_key),
    is_provisional             boolean not null,
    source_file                varchar not null,
    source_line                integer not null,
    source_sha256              varchar not null,
    primary key (commitment_key, period_key)
);
