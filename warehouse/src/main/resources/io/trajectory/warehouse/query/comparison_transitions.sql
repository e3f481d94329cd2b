-- comparison_transitions: how many items moved from each rating to each rating between
-- :from_key and :to_key, counted over the pairs rating_pairs chooses (the items rated in both
-- quarters; see publish/07_views.sql). :area_key null = every area together; commitments have no
-- areas. Parameters: :subject ('indicators' | 'commitments'), :basis, :from_key, :to_key, :area_key.
select
    period_label(period_ordinal(:from_key::integer)) as from_period,
    period_label(period_ordinal(:to_key::integer)) as to_period,
    coalesce((select area_code from dim_area where area_key = :area_key::integer), 'all') as area,
    from_rating,
    to_rating,
    count(*) as items
from rating_pairs(:subject, :basis, :from_key, :to_key, :area_key)
group by from_rating, to_rating
order by from_rating, to_rating
