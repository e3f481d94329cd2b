-- snapshot_info: the one row describing the snapshot (version, when published, latest quarter).
select
    r.snapshot_version,
    r.published_at,
    p.label as latest_period,
    r.rows_loaded,
    r.rows_quarantined
from meta_refresh as r
left join dim_period as p on p.period_key = r.latest_period_key
