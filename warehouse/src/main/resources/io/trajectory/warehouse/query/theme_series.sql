-- theme_series: every indicator of a theme in one area, quarter by quarter from :from_key to
-- :to_key, as trend.sql gives each of them (every quarter present; no figure = null actual): what
-- an XmR chart of each is drawn from. The theme's indicators are those in it (:theme, any case)
-- in the last quarter, :to_key, as the trajectory gap lists them; the polarity is the current
-- definition's, as the indicator page reads it. Parameters: :theme, :area_key, :from_key,
-- :to_key, :basis.
with members as (
    select distinct m.indicator_ref
    from mart_indicator_quarter as m
    join dim_theme as t on t.theme_key = m.theme_key
    where m.basis = :basis
      and m.area_key = :area_key
      and m.period_key = :to_key
      and lower(t.theme_name) = lower(:theme::varchar)
),
quarters as (
    select period_key, label
    from dim_period
    where period_key between :from_key and :to_key
)
select
    mb.indicator_ref,
    i.polarity,
    i.accumulation,
    q.label as period,
    f.actual,
    f.target_value as target
from members as mb
join dim_indicator as i on i.indicator_ref = mb.indicator_ref and i.is_current
cross join quarters as q
left join mart_indicator_quarter as f
  on f.basis = :basis and f.indicator_ref = mb.indicator_ref and f.area_key = :area_key and f.period_key = q.period_key
order by mb.indicator_ref, q.period_key
