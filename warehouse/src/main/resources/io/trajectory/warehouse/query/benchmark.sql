-- benchmark: one indicator in one quarter, every area with a figure in the comparison set,
-- ranked by the indicator's polarity. The set is the members of :group_key when given; else
-- every area (not the whole authority) of :area_type, or of any type when :area_type is null.
-- rank is standard competition ranking: 1 = best, ties share the better rank (1 + the number of
-- areas strictly better); of = areas with a figure; quartile = floor((rank - 1) * 4 / of) + 1,
-- so 1 = the best quarter. Every row also carries the set's summary: the median and quartiles
-- (interpolated between figures, as quantile_cont and Excel's QUARTILE.INC), the best and the worst.
-- Parameters: :ref, :period_key, :basis, :group_key, :area_type.
with figures as (
    select m.area_key, a.area_code, a.area_name, m.actual, i.polarity_sign
    from mart_indicator_quarter as m
    join dim_area as a on a.area_key = m.area_key
    join dim_indicator as i on i.indicator_key = m.indicator_key
    where m.basis = :basis
      and m.indicator_ref = :ref
      and m.period_key = :period_key
      and m.actual is not null
      and not a.is_whole_authority
      and (:group_key::integer is null
           or m.area_key in (select b.area_key from bridge_comparison_group_area as b where b.group_key = :group_key))
      and (:group_key::integer is not null or :area_type::varchar is null or a.area_type = :area_type)
),
ranked as (
    select
        *,
        rank() over (order by actual * polarity_sign desc) as rank,
        count(*) over () as of,
        median(actual) over () as median,
        quantile_cont(actual, 0.25) over () as lower_quartile,
        quantile_cont(actual, 0.75) over () as upper_quartile,
        max(actual * polarity_sign) over () * polarity_sign as best,
        min(actual * polarity_sign) over () * polarity_sign as worst
    from figures
)
select area_code, area_name, actual, rank, of, (rank - 1) * 4 // of + 1 as quartile,
       median, lower_quartile, upper_quartile, best, worst
from ranked
order by rank, area_name
