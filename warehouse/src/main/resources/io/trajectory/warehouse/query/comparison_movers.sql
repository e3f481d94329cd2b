-- comparison_movers: the items whose rating changed between :from_key and :to_key, with both
-- ratings, the responsible officer and the commentary given in the later quarter; at most
-- :movers_limit of them, each row carrying how many there are in all (movers_total).
-- The pairs are rating_pairs' (the items rated in both quarters; see publish/07_views.sql). An
-- indicator's officer is its current definition's; a commitment's the one its later report
-- names, else the register's. A commitment's theme is that of the LAA indicator it names, else
-- "Corporate and other". :area_key null = every area (each mover names its own).
-- Parameters: :subject ('indicators' | 'commitments'), :basis, :from_key, :to_key, :area_key,
-- :movers_limit.
with changed as (
    select *
    from rating_pairs(:subject, :basis, :from_key, :to_key, :area_key)
    where from_rating <> to_rating
),
movers as (
    -- one pass over the pairs (an indicator's have indicator_key, a commitment's commitment_key)
    select
        p.ref,
        coalesce(i.title, c.achieve, c.priority, c.commitment_ref) as title,
        coalesce(t.theme_name, ct.theme, 'Corporate and other') as theme,
        coalesce(t.sort_order, ct.theme_order, 900) as theme_order,
        p.area_key, p.from_rating, p.to_rating,
        coalesce(p.officer_key, cur.officer_key) as officer_key,
        p.comment
    from changed as p
    left join dim_indicator as i on i.indicator_key = p.indicator_key
    left join dim_theme as t on t.theme_key = p.theme_key
    left join dim_indicator as cur on cur.indicator_ref = p.ref and cur.is_current and p.indicator_key is not null
    left join dim_commitment as c on c.commitment_key = p.commitment_key
    left join v_commitment_theme as ct on ct.commitment_key = p.commitment_key
)
select
    period_label(period_ordinal(:from_key::integer)) as from_period,
    period_label(period_ordinal(:to_key::integer)) as to_period,
    case when m.area_key is null then 'all' else a.area_code end as area,
    m.ref, m.title, m.theme, m.from_rating, m.to_rating,
    o.officer_name as officer, m.comment,
    count(*) over () as movers_total
from movers as m
left join dim_area as a on a.area_key = m.area_key
left join dim_officer as o on o.officer_key = m.officer_key
-- references in natural order (LAA 7.2 before LAA 7.10: digit runs compared as numbers)
order by m.theme_order, [case when regexp_full_match(part, '[0-9]+') then lpad(part, 20, '0') else part end
          for part in regexp_extract_all(m.ref, '[0-9]+|[^0-9]+')], m.area_key
limit :movers_limit
