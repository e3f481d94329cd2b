-- periods: one row per quarter of the snapshot, oldest first, with its return's sign-off and
-- how many whole-authority figures were reported for it (latest basis).
with figures as (
    select period_key, count(actual) as figures_reported
    from mart_indicator_quarter
    where basis = 'latest'
      and area_key = (select area_key from dim_area where is_whole_authority)
    group by period_key
)
select
    p.label as period,
    p.period_key,
    p.fiscal_year_label,
    p.quarter,
    p.start_date,
    p.end_date,
    r.return_period_key is not null as has_return,
    coalesce(r.is_signed_off, false) as is_signed_off,
    r.signed_off_by,
    r.signed_off_at,
    coalesce(r.is_published, false) as is_published,
    coalesce(r.is_provisional, false) as is_provisional,
    coalesce(f.figures_reported, 0) as figures_reported
from dim_period as p
left join meta_return as r on r.return_period_key = p.period_key
left join figures as f on f.period_key = p.period_key
order by p.period_key
