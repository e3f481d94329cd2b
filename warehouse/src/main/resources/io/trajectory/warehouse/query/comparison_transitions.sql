-- comparison_transitions: how many items moved from each rating to each rating.
-- The indicators (or commitments, :subject) rated in both :from_key and :to_key (an item not in
-- force in one of them has no transition). A commitment's theme is that of the LAA indicator it
-- names, else "Corporate and other"; commitments have no areas. :area_key null = every area.
-- The quarters need not be adjacent. Parameters: :subject ('indicators' | 'commitments'),
-- :from_key, :to_key, :basis, :area_key.
with indicator_from as (
    select indicator_ref as ref, area_key, rating
    from mart_indicator_quarter
    where :subject::varchar = 'indicators'
      and basis = :basis
      and period_key = :from_key::integer
      and (:area_key::integer is null or area_key = :area_key::integer)
),
indicator_to as (
    select indicator_ref as ref, area_key, rating, indicator_key, theme_key
    from mart_indicator_quarter
    where :subject::varchar = 'indicators'
      and basis = :basis
      and period_key = :to_key::integer
      and (:area_key::integer is null or area_key = :area_key::integer)
),
indicator_pairs as (
    -- joined on the narrow columns first; titles and themes only for the rows kept
    select t.ref, t.indicator_key, t.theme_key, t.area_key, f.rating as from_rating, t.rating as to_rating
    from indicator_from as f
    join indicator_to as t on t.ref = f.ref and t.area_key = f.area_key
),
commitment_theme as (
    -- a commitment's theme: the theme of the LAA indicator its "We Will Achieve" line names
    select c.commitment_key, min_by(t.theme_name, i.version) as theme, min(t.sort_order) as theme_order
    from dim_commitment as c
    join dim_indicator as i on i.indicator_ref = regexp_extract(c.achieve, 'LAA [0-9]+(\.[0-9]+)*')
    join dim_theme as t on t.theme_key = i.theme_key
    group by c.commitment_key
),
commitment_pairs as (
    select
        c.commitment_ref || case when c.item > 1 then ' (' || c.item || ')' else '' end as ref,
        coalesce(c.achieve, c.priority, c.commitment_ref) as title,
        coalesce(ct.theme, 'Corporate and other') as theme,
        coalesce(ct.theme_order, 900) as theme_order,
        null::integer as area_key, f.rating as from_rating, t.rating as to_rating
    from fact_commitment_return as f
    join fact_commitment_return as t on t.commitment_key = f.commitment_key
    join dim_commitment as c on c.commitment_key = f.commitment_key
    left join commitment_theme as ct on ct.commitment_key = f.commitment_key
    where :subject::varchar = 'commitments'
      and f.period_key = :from_key::integer
      and t.period_key = :to_key::integer
),
pairs as (
    select from_rating, to_rating from indicator_pairs
    union all
    select from_rating, to_rating from commitment_pairs
)
select from_rating, to_rating, count(*) as items
from pairs
group by from_rating, to_rating
order by from_rating, to_rating
