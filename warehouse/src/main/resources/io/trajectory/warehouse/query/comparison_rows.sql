-- comparison_rows: per theme (and 'Totals') and rating, how many indicators or commitments
-- (:subject) had that rating in :from_key and in :to_key. Indicator counts come from the
-- pre-aggregated agg_theme_rating; commitment counts from fact_commitment_return, themed by the
-- LAA indicator each commitment names (v_commitment_theme; else 'Corporate and other'). Every
-- theme x rating is present, zeros included; shares are worked out by the caller under the share
-- rule. area is the area's code, 'all' for every area together (and for commitments).
-- Parameters: :subject, :from_key, :to_key, :basis, :area_key (indicators; null = every area).
with indicator_counts as (
    select coalesce(t.theme_name, 'Totals') as theme, coalesce(t.sort_order, 999) as theme_order,
           g.period_key, g.rating, g.indicators as items
    from agg_theme_rating as g
    left join dim_theme as t on t.theme_key = g.theme_key
    where :subject::varchar = 'indicators'
      and g.basis = :basis
      and g.period_key in (:from_key::integer, :to_key::integer)
      and g.area_key is not distinct from :area_key::integer
),
commitment_rows as (
    select coalesce(ct.theme, 'Corporate and other') as theme, coalesce(ct.theme_order, 900) as theme_order,
           f.period_key, f.rating
    from fact_commitment_return as f
    left join v_commitment_theme as ct on ct.commitment_key = f.commitment_key
    where :subject::varchar = 'commitments'
      and f.period_key in (:from_key::integer, :to_key::integer)
),
commitment_counts as (
    -- per theme, and rolled up over all themes (theme null: the Totals row)
    select theme, theme_order, period_key, rating, count(*) as items
    from commitment_rows
    group by grouping sets ((theme, theme_order, period_key, rating), (period_key, rating))
),
counts as (
    select * from indicator_counts
    union all
    select coalesce(theme, 'Totals'), coalesce(theme_order, 999), period_key, rating, items
    from commitment_counts
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
    coalesce(f.items, 0) as from_count,
    coalesce(t.items, 0) as to_count
from grid as g
left join counts as f on f.theme = g.theme and f.rating = g.rating and f.period_key = :from_key::integer
left join counts as t on t.theme = g.theme and t.rating = g.rating and t.period_key = :to_key::integer
order by g.theme_order, g.theme, g.rating_order
