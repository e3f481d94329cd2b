-- Stage the lake tables this snapshot is built from.
-- Parameters: :lake. Definitions (register, areas, plans, planned values, comparison groups)
-- come from the newest committed batch: every batch writes them.
create temp table stage_definitions_batch as
select max(batch_id) as batch_id from stage_committed_batch;

create temp table stage_indicator as
select i.*
from read_parquet(:lake || '/dim_indicator/*/*.parquet', hive_partitioning = true, union_by_name = true) as i
where i.batch_id = (select batch_id from stage_definitions_batch);

create temp table stage_area as
select a.*
from read_parquet(:lake || '/dim_area/*/*.parquet', hive_partitioning = true) as a
where a.batch_id = (select batch_id from stage_definitions_batch);

create temp table stage_area_plan as
select p.*
from read_parquet(:lake || '/dim_plan/*/*.parquet', hive_partitioning = true) as p
where p.batch_id = (select batch_id from stage_definitions_batch);

create temp table stage_planned_value as
select v.*
from read_parquet(:lake || '/fact_planned_value/*/*.parquet', hive_partitioning = true) as v
where v.batch_id = (select batch_id from stage_definitions_batch);

create temp table stage_group_member as
select m.*
from read_parquet(:lake || '/bridge_comparison_group/*/*.parquet', hive_partitioning = true) as m
where m.batch_id = (select batch_id from stage_definitions_batch);

create temp table stage_return as
select f.*, l.load_order, l.is_provisional as is_return_provisional
from read_parquet(:lake || '/fact_indicator_return/*/*/*.parquet', hive_partitioning = true) as f
join stage_return_load as l
  on l.batch_id = f.batch_id and l.return_period_key = f.return_period_key
where l.is_published;

create temp table stage_commitment as
select c.*, l.is_provisional as is_return_provisional
from read_parquet(:lake || '/fact_commitment_return/*/*.parquet', hive_partitioning = true, union_by_name = true) as c
join stage_return_load as l
  on l.batch_id = c.batch_id and l.return_period_key = c.return_period_key
where l.is_published and l.is_latest_content;
