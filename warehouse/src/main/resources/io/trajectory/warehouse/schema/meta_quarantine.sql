-- meta_quarantine: one row per problem found in the landing zone: the row that failed is kept
-- here whole (raw_line) with file, line, column and reason, so nothing is lost.
create table meta_quarantine (
    batch_id          varchar not null,
    source_file       varchar not null,
    line              integer,
    column_name       varchar,
    reason            varchar not null,
    raw_value         varchar,
    raw_line          varchar,
    return_period_key integer
);
