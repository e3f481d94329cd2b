-- Which loads of which returns go into this snapshot.
-- Parameters: :lake (lake root folder), :include_provisional (boolean).
-- Needs temp table stage_committed_batch(batch_id) listing the committed lake batches.
-- A return loaded again with the same data (after a register change, or because its sign-off
-- arrived) supersedes its earlier load; a return loaded with different data is a new version,
-- kept beside the old. data_sha256 covers the data files only, not signoff.json.
create temp table stage_return_load as
with loads as (
    select r.*
    from read_parquet(:lake || '/meta_return/*/*.parquet', hive_partitioning = true) as r
    where r.batch_id in (select batch_id from stage_committed_batch)
),
by_content as (
    select
        return_period_key,
        data_sha256,
        max(batch_id) as batch_id,
        min(batch_id) as first_batch_id
    from loads
    group by return_period_key, data_sha256
),
latest_load as (
    select *
    from loads
    qualify row_number() over (partition by return_period_key order by batch_id desc) = 1
)
select
    c.return_period_key,
    c.data_sha256,
    c.batch_id,
    row_number() over (partition by c.return_period_key order by c.first_batch_id) as load_order,
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
