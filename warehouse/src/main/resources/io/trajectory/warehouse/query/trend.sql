-- trend: one indicator in one area, one row per quarter from :from_key to :to_key, actual
-- against trajectory and target. Every quarter in the range is present: a quarter the
-- indicator was not yet (or no longer) in force, or had no figure, has nulls.
-- Each row names its indicator and area, so trends of several can be stacked.
-- Parameters: :ref, :area_key, :from_key, :to_key, :basis ('latest' | 'as-reported').
with quarters as (
    select period_key, label, ordinal
    from dim_period
    where period_key between :from_key and :to_key
),
figures as (
    select *
    from mart_indicator_quarter
    where basis = :basis
      and indicator_ref = :ref
      and area_key = :area_key
      and period_key between :from_key and :to_key
)
select
    :ref::varchar as indicator_ref,
    (select area_code from dim_area where area_key = :area_key) as area,
    q.label as period,
    f.actual,
    f.planned_value as planned,
    f.stretch_planned_value as stretch_planned,
    f.target_value as target,
    f.rating,
    coalesce(f.is_provisional, false) as is_provisional,
    f.direction_vs_previous_quarter,
    f.direction_vs_previous_quarter_reason,
    f.direction_vs_same_quarter_last_year,
    f.direction_vs_same_quarter_last_year_reason,
    f.comment,
    f.no_plan_reason
from quarters as q
left join figures as f on f.period_key = q.period_key
order by q.period_key
