-- dim_period: one row per UK financial quarter (April-March) from the earliest to the latest
-- quarter any indicator or return mentions. Key: period_key = fiscal_year * 10 + quarter (20071).
create table dim_period (
    period_key        integer primary key,
    label             varchar not null,   -- canonical label, '2007/08 Q1'
    fiscal_year       integer not null,   -- calendar year the financial year starts in (2007)
    fiscal_year_label varchar not null,   -- '2007/08'
    quarter           integer not null,   -- 1 (Apr-Jun) .. 4 (Jan-Mar)
    ordinal           integer not null unique, -- fiscal_year * 4 + quarter - 1: quarter arithmetic
    start_date        date not null,
    end_date          date not null
);
