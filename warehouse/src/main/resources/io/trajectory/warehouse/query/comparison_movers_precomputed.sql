-- comparison_movers_precomputed: comparison_movers for indicators between consecutive quarters, or
-- a quarter and the same quarter last year, read from agg_indicator_mover (built at publish, in
-- listing order): the same rows in the same order, without joining two quarters of the mart.
-- Parameters: :basis, :from_key, :to_key, :area_key (null = every area), :movers_limit.
with chosen as (
    select m.*, count(*) over () as movers_total
    from agg_indicator_mover as m
    where m.basis = :basis
      and m.to_period_key = :to_key::integer
      and m.from_period_key = :from_key::integer
      and (:area_key::integer is null or m.area_key = :area_key::integer)
    order by m.theme_order, m.ref_order, m.area_key
    limit :movers_limit
)
select
    period_label(period_ordinal(:from_key::integer)) as from_period,
    period_label(period_ordinal(:to_key::integer)) as to_period,
    a.area_code as area,
    m.indicator_ref as ref,
    i.title,
    coalesce(t.theme_name, 'Corporate and other') as theme,
    m.from_rating, m.to_rating,
    o.officer_name as officer,
    m.comment,
    m.movers_total
from chosen as m
left join dim_indicator as i on i.indicator_key = m.indicator_key
left join dim_theme as t on t.theme_key = m.theme_key
left join dim_indicator as cur on cur.indicator_ref = m.indicator_ref and cur.is_current
left join dim_area as a on a.area_key = m.area_key
left join dim_officer as o on o.officer_key = cur.officer_key
order by m.theme_order, m.ref_order, m.area_key
