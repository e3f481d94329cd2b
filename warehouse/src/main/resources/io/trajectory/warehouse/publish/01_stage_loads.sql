-- Which loads of which returns go into this snapshot.
-- Parameters: :lake (lake root folder), :include_provisional (boolean).
-- Needs temp table stage_committed_batch(batch_id) listing the committed lake batches.
-- Every load of a return writes all of its files again. Its figures are versioned by the
-- indicator return's own checksum (meta_source_file, one row per file), not by the whole
-- folder's: a load whose indicator return is unchanged (a changed commitments report, a
-- register change, a sign-off that arrived) supersedes its earlier load of the same figures and
-- writes no new revision of them; a load with a different indicator return is a new version of
-- the figures, kept beside the old. Commitments have no revisions: the latest load's report is
-- the one in force. meta_return's columns are named, not r.*: lakes before format 3 also hold a
-- data_sha256 column, and naming columns lets one read span both without opening every file.
create temp table stage_return_load as
with indicator_files as (
    select batch_id, return_period_key, string_agg(sha256, ',' order by source_file) as sha256
    from read_parquet(:lake || '/meta_source_file/*/*.parquet', hive_partitioning = true)
    where kind = 'indicator_return' and return_period_key is not null
      and batch_id in (select batch_id from stage_committed_batch)
    group by batch_id, return_period_key
),
loads as (
    select r.batch_id, r.return_period_key, r.folder, r.is_signed_off, r.signed_off_by, r.signed_off_at,
           coalesce(f.sha256, '') as indicators_content
    from read_parquet(:lake || '/meta_return/*/*.parquet', hive_partitioning = true) as r
    left join indicator_files as f on f.batch_id = r.batch_id and f.return_period_key = r.return_period_key
    where r.batch_id in (select batch_id from stage_committed_batch)
),
by_content as (
    select
        return_period_key,
        indicators_content,
        max(batch_id) as batch_id,
        min(batch_id) as first_batch_id
    from loads
    group by return_period_key, indicators_content
),
latest_load as (
    select *
    from loads
    qualify row_number() over (partition by return_period_key order by batch_id desc) = 1
)
select
    c.return_period_key,
    c.indicators_content,
    c.batch_id,
    row_number() over (partition by c.return_period_key order by c.first_batch_id) as load_order,
    -- the latest load holds the latest of every file: its figures, commitments, quarantine and lineage are in force
    c.batch_id = l.batch_id as is_latest_content,
    l.folder,
    l.is_signed_off,
    l.signed_off_by,
    l.signed_off_at,
    count(*) over (partition by c.return_period_key) as loads,
    (l.is_signed_off or :include_provisional) as is_published,
    not l.is_signed_off as is_provisional
from by_content as c
join latest_load as l on l.return_period_key = c.return_period_key;
