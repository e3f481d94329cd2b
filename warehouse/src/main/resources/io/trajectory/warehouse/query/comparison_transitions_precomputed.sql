-- comparison_transitions_precomputed: how many indicators moved from each rating to each rating,
-- read from agg_rating_transition, which the publish step builds for consecutive quarters and
-- for a quarter and the same quarter last year (the common comparisons). Same answer as
-- comparison_transitions for those pairs, without scanning the mart.
-- Parameters: :from_key, :to_key, :basis, :area_key (null = every area together).
select
    period_label(period_ordinal(:from_key::integer)) as from_period,
    period_label(period_ordinal(:to_key::integer)) as to_period,
    coalesce((select area_code from dim_area where area_key = :area_key::integer), 'all') as area,
    from_rating,
    to_rating,
    indicators as items
from agg_rating_transition
where basis = :basis
  and from_period_key = :from_key::integer
  and to_period_key = :to_key::integer
  and theme_key is null
  and area_key is not distinct from :area_key::integer
order by from_rating, to_rating
