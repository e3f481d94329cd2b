-- risk_summary: the Indicator Risk Summary as the partnership's quarterly report prints it: per
-- theme (and 'Totals') and rating, how many indicators had that rating in :period_key, in the
-- quarter before and in the same quarter last year, in one area (:area_key; null = every area
-- together). Every theme x rating is present, zeros included; the earlier quarters' counts are
-- null when that quarter has no published return. Shares are worked out by the caller under the
-- share rule. Parameters: :period_key, :basis, :area_key.
with quarters as (
    select
        :period_key::integer as this_key,
        period_key_of(period_ordinal(:period_key::integer) - 1) as previous_key,
        period_key_of(period_ordinal(:period_key::integer) - 4) as last_year_key
),
reported as (
    -- the quarters whose return is published (a quarter with none prints no figures)
    select return_period_key as period_key
    from meta_return
    where is_published
),
counts as (
    select coalesce(t.theme_name, 'Totals') as theme, coalesce(t.sort_order, 999) as theme_order,
           g.period_key, g.rating, g.indicators
    from agg_theme_rating as g
    left join dim_theme as t on t.theme_key = g.theme_key
    where g.basis = :basis
      and g.period_key in (select unnest([this_key, previous_key, last_year_key]) from quarters)
      and g.area_key is not distinct from :area_key::integer
),
themes as (
    select distinct theme, theme_order from counts
    union
    select 'Totals', 999
),
grid as (
    select th.theme, th.theme_order, r.rating_code as rating, r.sort_order as rating_order
    from themes as th
    cross join dim_rating as r
)
select
    coalesce((select area_code from dim_area where area_key = :area_key::integer), 'all') as area,
    g.theme,
    g.rating,
    period_label(period_ordinal(q.this_key)) as period,
    coalesce(c.indicators, 0) as count,
    period_label(period_ordinal(q.previous_key)) as previous_period,
    case when q.previous_key in (select period_key from reported) then coalesce(p.indicators, 0) end as previous_count,
    period_label(period_ordinal(q.last_year_key)) as last_year_period,
    case when q.last_year_key in (select period_key from reported) then coalesce(y.indicators, 0) end as last_year_count
from grid as g
cross join quarters as q
left join counts as c on c.theme = g.theme and c.rating = g.rating and c.period_key = q.this_key
left join counts as p on p.theme = g.theme and p.rating = g.rating and p.period_key = q.previous_key
left join counts as y on y.theme = g.theme and y.rating = g.rating and y.period_key = q.last_year_key
order by g.theme_order, g.theme, g.rating_order
