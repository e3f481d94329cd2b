-- Housekeeping: lineage of every landing-zone file, each return's sign-off, and quarantine.
insert into meta_return
select return_period_key, folder, batch_id, loads, is_signed_off, signed_off_by, signed_off_at,
       is_published, is_published and is_provisional
from stage_return_load
where is_latest_content;

insert into meta_source_file
with files as (
    select s.*
    from read_parquet(:lake || '/meta_source_file/*/*.parquet', hive_partitioning = true) as s
    where s.batch_id in (select batch_id from stage_committed_batch)
)
select f.batch_id, f.source_file, f.kind, f.return_period_key, f.sha256, f.bytes,
       f.rows_read, f.rows_loaded, f.rows_quarantined,
       coalesce(l.is_published, f.return_period_key is null and f.batch_id = (select batch_id from stage_definitions_batch)),
       f.loaded_at
from files as f
left join stage_return_load as l
  on l.batch_id = f.batch_id and l.return_period_key = f.return_period_key
where l.return_period_key is not null
   or (f.return_period_key is null and f.batch_id = (select batch_id from stage_definitions_batch))
order by f.source_file, f.batch_id;

-- Quarantine of the loads in force: the latest load of each return and the current definitions.
insert into meta_quarantine
select q.batch_id, q.source_file, q.line, q.column_name, q.reason, q.raw_value, q.raw_line, q.return_period_key
from read_parquet(:lake || '/meta_quarantine/*/*.parquet', hive_partitioning = true, union_by_name = true) as q
where q.batch_id in (select batch_id from stage_committed_batch)
  and (
        (q.return_period_key is null and q.batch_id = (select batch_id from stage_definitions_batch))
     or exists (select 1 from stage_return_load l
                where l.batch_id = q.batch_id and l.return_period_key = q.return_period_key and l.is_latest_content)
  )
order by q.source_file, q.line;
