-- trend_themes: per theme (and 'Totals') and quarter from :from_key to :to_key, how many
-- indicators had each rating, in one area (:area_key; null = all areas together).
-- Shares are worked out by the caller under the share rule (RatingCounts).
-- Parameters: :from_key, :to_key, :basis, :area_key.
with counts as (
    select *
    from agg_theme_rating
    where basis = :basis
      and period_key between :from_key and :to_key
      and area_key is not distinct from :area_key::integer
)
select
    coalesce(t.theme_name, 'Totals') as theme,
    coalesce(a.area_code, 'all') as area,
    coalesce(t.sort_order, 999) as theme_order,
    p.label as period,
    c.period_key,
    c.rating,
    c.indicators
from counts as c
join dim_period as p on p.period_key = c.period_key
left join dim_theme as t on t.theme_key = c.theme_key
left join dim_area as a on a.area_key = c.area_key
order by theme_order, c.period_key, c.rating
