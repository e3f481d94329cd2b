-- agg_indicator_mover: the indicators whose rating changed between a quarter and the next, and
-- between a quarter and the same quarter a year on (the comparisons the committee makes), per
-- basis and area, with what the movers list shows: the later quarter's theme and commentary.
-- The pairs are rating_pairs' (publish/07_views.sql) for those quarters, kept where the rating
-- changed. Stored in the order the movers are listed (theme, reference in natural order, area),
-- so listing the first thousand of a national comparison reads them from the front, with no join
-- of two quarters of the mart and no sort.
create temp table stage_ref_order as
-- references in natural order (LAA 7.2 before LAA 7.10: digit runs compared as numbers)
select indicator_ref,
       dense_rank() over (order by [case when regexp_full_match(part, '[0-9]+') then lpad(part, 20, '0') else part end
                                    for part in regexp_extract_all(indicator_ref, '[0-9]+|[^0-9]+')]) as ref_order
from (select distinct indicator_ref from dim_indicator);

create table agg_indicator_mover as
with pairs as (
    select a.basis, a.indicator_ref, a.area_key, a.period_key as from_period_key, a.rating as from_rating,
           unnest([a.ordinal + 1, a.ordinal + 4]) as to_ordinal
    from mart_indicator_quarter as a
)
select
    p.basis,
    p.from_period_key,
    b.period_key as to_period_key,
    coalesce(t.sort_order, 900) as theme_order,
    r.ref_order,
    p.area_key,
    b.indicator_ref,
    b.indicator_key,
    b.theme_key,
    p.from_rating,
    b.rating as to_rating,
    b.comment
from pairs as p
join mart_indicator_quarter as b
  on b.basis = p.basis and b.indicator_ref = p.indicator_ref and b.area_key = p.area_key and b.ordinal = p.to_ordinal
join stage_ref_order as r on r.indicator_ref = b.indicator_ref
left join dim_theme as t on t.theme_key = b.theme_key
where p.from_rating <> b.rating
order by p.basis, b.period_key, p.from_period_key, theme_order, r.ref_order, p.area_key;
