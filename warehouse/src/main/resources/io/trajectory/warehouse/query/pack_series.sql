-- pack_series: the trends the quarterly report pack reads as XmR charts, all at once: for every
-- indicator in force in :to_key (in one area), one row per quarter from :from_key to :to_key with
-- its actual and target, as trend.sql gives them one indicator at a time (every quarter present;
-- a quarter with no figure, or before the indicator was in force, has nulls).
-- Parameters: :from_key, :to_key, :basis, :area_key.
with quarters as (
    select period_key
    from dim_period
    where period_key between :from_key and :to_key
),
indicators as (
    select indicator_ref
    from mart_indicator_quarter
    where basis = :basis
      and area_key = :area_key
      and period_key = :to_key
),
figures as (
    select indicator_ref, period_key, actual, target_value
    from mart_indicator_quarter
    where basis = :basis
      and area_key = :area_key
      and period_key between :from_key and :to_key
)
select
    i.indicator_ref,
    q.period_key,
    f.actual,
    f.target_value as target
from indicators as i
cross join quarters as q
left join figures as f on f.indicator_ref = i.indicator_ref and f.period_key = q.period_key
order by i.indicator_ref, q.period_key
