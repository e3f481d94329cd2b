-- themes: one row per theme in report order, with how many indicators it holds (current
-- versions) and how many commitments name one of its indicators.
with indicators as (
    select theme_key, count(*) as indicators
    from dim_indicator
    where is_current
    group by theme_key
)
select t.theme_name as theme, t.sort_order, coalesce(i.indicators, 0) as indicators
from dim_theme as t
left join indicators as i on i.theme_key = t.theme_key
order by t.sort_order
