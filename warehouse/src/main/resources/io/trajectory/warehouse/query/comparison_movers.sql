-- comparison_movers: the items whose rating changed, with both ratings.
-- The indicators (or commitments, :subject) rated in both :from_key and :to_key, one row per
-- item. A commitment's theme is that of the LAA indicator it names, else "Corporate and other";
-- commitments have no areas. :area_key null = every area. The quarters need not be adjacent.
-- Parameters: :subject ('indicators' | 'commitments'), :from_key, :to_key, :basis, :area_key.
with indicator_items as (
    select
        m.indicator_ref as ref, i.title, t.theme_name as theme, t.sort_order as theme_order,
        m.area_key, m.period_key, m.rating
    from mart_indicator_quarter as m
    join dim_indicator as i on i.indicator_key = m.indicator_key
    join dim_theme as t on t.theme_key = m.theme_key
    where :subject::varchar = 'indicators'
      and m.basis = :basis
      and m.period_key in (:from_key::integer, :to_key::integer)
      and (:area_key::integer is null or m.area_key = :area_key::integer)
),
commitment_theme as (
    -- a commitment's theme: the theme of the LAA indicator its "We Will Achieve" line names
    select c.commitment_key, min_by(t.theme_name, i.version) as theme, min(t.sort_order) as theme_order
    from dim_commitment as c
    join dim_indicator as i on i.indicator_ref = regexp_extract(c.achieve, 'LAA [0-9]+(\.[0-9]+)*')
    join dim_theme as t on t.theme_key = i.theme_key
    group by c.commitment_key
),
commitment_items as (
    select
        c.commitment_ref || case when c.item > 1 then ' (' || c.item || ')' else '' end as ref,
        coalesce(c.achieve, c.priority, c.commitment_ref) as title,
        coalesce(ct.theme, 'Corporate and other') as theme,
        coalesce(ct.theme_order, 900) as theme_order,
        null::integer as area_key, f.period_key, f.rating
    from fact_commitment_return as f
    join dim_commitment as c on c.commitment_key = f.commitment_key
    left join commitment_theme as ct on ct.commitment_key = f.commitment_key
    where :subject::varchar = 'commitments'
      and f.period_key in (:from_key::integer, :to_key::integer)
),
items as (
    select * from indicator_items
    union all
    select * from commitment_items
),
pairs as (
    -- items rated in both quarters (an item not in force in one of them has no transition)
    select a.ref, b.title, b.theme, b.theme_order, a.area_key, a.rating as from_rating, b.rating as to_rating
    from items as a
    join items as b
      on b.ref = a.ref and b.area_key is not distinct from a.area_key
     and a.period_key = :from_key::integer and b.period_key = :to_key::integer
)
select ref, title, theme, area_key, from_rating, to_rating
from pairs
where from_rating <> to_rating
order by theme_order, ref, area_key
