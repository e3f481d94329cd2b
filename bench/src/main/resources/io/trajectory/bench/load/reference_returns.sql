-- DuckDB reference, step 1b: every returns/*/indicators.csv into one typed staging table: the
-- CSV load itself, DuckDB's usual bulk-load setting on. Shortcuts the ETL cannot take: a
-- return's period is read as the canonical 2008/09 Q1 by position (the generator writes only
-- that spelling), and the return's own quarter from the folder name's fixed layout.
-- Parameters: :returns (a glob).
set preserve_insertion_order = false;

create table stage_return as
select
    indicator_ref,
    canonical_period_key(period) as period_key,
    coalesce(area, '') as area_code,
    -- .../returns/2008-09-Q1/indicators.csv: the year and the quarter at fixed places from the end
    try_cast(filename[-25:-22] as integer) * 10 + try_cast(filename[-16:-16] as integer) as return_period_key,
    try_cast(replace(replace(actual, ',', ''), '%', '') as double) as actual,
    coalesce(upper(rag), 'NOT_AVAILABLE') as reported_rating,
    upper(trend) as officer_trend,
    upper(data_status) as data_status,
    coalesce(upper(data_status) = 'PROVISIONAL', false) as is_provisional,
    comment, reported_by, filename as source_file
from read_csv(:returns, header = true, delim = ',', quote = '"', escape = '"', filename = true,
              columns = {'indicator_ref': 'VARCHAR', 'period': 'VARCHAR', 'area': 'VARCHAR', 'actual': 'VARCHAR',
                         'rag': 'VARCHAR', 'trend': 'VARCHAR', 'data_status': 'VARCHAR', 'comment': 'VARCHAR',
                         'reported_by': 'VARCHAR'});

checkpoint;

reset preserve_insertion_order;
