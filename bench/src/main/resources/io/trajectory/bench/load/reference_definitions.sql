-- DuckDB reference, step 1a: the definition files into typed tables. Every column is read as
-- text and cast here, as the ETL parses cells; a cell that does not cast becomes a null (no
-- quarantine). Parameters: :register, :areas, :area_targets, :trajectories, :groups (file paths).

-- Period arithmetic as publish's 00_macros has it; period_key_text reads any spelling that has the
-- four-digit year first and a 'Q<n>' (the register's three spellings), canonical_period_key only
-- the generator's canonical and folder spellings (2008/09 Q1, 2008-09-Q1), by position.
create macro period_ordinal(period_key) as (period_key // 10) * 4 + period_key % 10 - 1;
create macro period_key_of(ordinal) as (ordinal // 4) * 10 + ordinal % 4 + 1;
create macro period_key_text(p) as
    try_cast(regexp_extract(p, '(\d{4})', 1) as integer) * 10 + try_cast(regexp_extract(p, 'Q([1-4])', 1) as integer);
create macro canonical_period_key(p) as try_cast(p[1:4] as integer) * 10 + try_cast(p[-1:] as integer);

-- The register, one row per version: versions numbered and ended where the next begins.
create table dim_indicator as
with r as (
    select *, period_key_text(valid_from) as valid_from_key
    from read_csv(:register, header = true, delim = ',', quote = '"', escape = '"',
                  columns = {'indicator_ref': 'VARCHAR', 'ni_code': 'VARCHAR', 'title': 'VARCHAR', 'theme': 'VARCHAR',
                             'polarity': 'VARCHAR', 'unit': 'VARCHAR', 'accumulation': 'VARCHAR',
                             'baseline_period': 'VARCHAR', 'baseline_value': 'VARCHAR', 'target_period': 'VARCHAR',
                             'target_value': 'VARCHAR', 'stretch_target_value': 'VARCHAR', 'reward_target': 'VARCHAR',
                             'responsible_officer': 'VARCHAR', 'valid_from': 'VARCHAR'})
)
select
    row_number() over (order by indicator_ref, valid_from_key)::integer as indicator_key,
    indicator_ref,
    row_number() over (partition by indicator_ref order by valid_from_key)::integer as version,
    ni_code, title, theme, polarity,
    case polarity when 'LOWER_IS_BETTER' then -1 else 1 end as polarity_sign,
    upper(unit) as unit, upper(accumulation) as accumulation,
    period_key_text(baseline_period) as baseline_period_key,
    try_cast(baseline_value as double) as baseline_value,
    period_key_text(target_period) as target_period_key,
    try_cast(target_value as double) as target_value,
    try_cast(stretch_target_value as double) as stretch_target_value,
    coalesce(upper(reward_target) = 'Y', false) as is_reward_target,
    responsible_officer,
    valid_from_key,
    lead(valid_from_key) over (partition by indicator_ref order by valid_from_key) as valid_to_key
from r;

create table stage_area as
select area as area_code, coalesce(area_name, area) as area_name, parent_area as parent_area_code,
       coalesce(area_type, 'area') as area_type
from read_csv(:areas, header = true, delim = ',', quote = '"', escape = '"',
              columns = {'area': 'VARCHAR', 'area_name': 'VARCHAR', 'parent_area': 'VARCHAR', 'area_type': 'VARCHAR'});

-- Areas' own plans; a blank valid_from is the indicator's first quarter in force (filled in at conform).
create table stage_area_target as
select
    indicator_ref, area as area_code,
    canonical_period_key(baseline_period) as baseline_period_key,
    try_cast(baseline_value as double) as baseline_value,
    canonical_period_key(target_period) as target_period_key,
    try_cast(target_value as double) as target_value,
    try_cast(stretch_target_value as double) as stretch_target_value,
    canonical_period_key(valid_from) as valid_from_key
from read_csv(:area_targets, header = true, delim = ',', quote = '"', escape = '"',
              columns = {'indicator_ref': 'VARCHAR', 'area': 'VARCHAR', 'baseline_period': 'VARCHAR',
                         'baseline_value': 'VARCHAR', 'target_period': 'VARCHAR', 'target_value': 'VARCHAR',
                         'stretch_target_value': 'VARCHAR', 'valid_from': 'VARCHAR'});

create table stage_planned_value as
select
    indicator_ref, coalesce(area, '') as area_code, canonical_period_key(period) as period_key,
    try_cast(planned_value as double) as planned_value,
    try_cast(stretch_planned_value as double) as stretch_planned_value
from read_csv(:trajectories, header = true, delim = ',', quote = '"', escape = '"',
              columns = {'indicator_ref': 'VARCHAR', 'area': 'VARCHAR', 'period': 'VARCHAR',
                         'planned_value': 'VARCHAR', 'stretch_planned_value': 'VARCHAR'});

create table stage_group_member as
select "group" as group_name, area as area_code
from read_csv(:groups, header = true, delim = ',', quote = '"', escape = '"',
              columns = {'group': 'VARCHAR', 'area': 'VARCHAR'});
