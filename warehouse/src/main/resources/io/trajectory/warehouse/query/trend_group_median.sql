-- trend_group_median: for one indicator, the median of a comparison group's figures in each
-- quarter from :from_key to :to_key, and how many members had a figure. Every quarter in the
-- range is present (median null where no member had one).
-- Parameters: :ref, :group_key, :from_key, :to_key, :basis.
with quarters as (
    select period_key, label
    from dim_period
    where period_key between :from_key and :to_key
),
figures as (
    select m.period_key, m.actual
    from mart_indicator_quarter as m
    join bridge_comparison_group_area as b on b.area_key = m.area_key and b.group_key = :group_key
    where m.basis = :basis
      and m.indicator_ref = :ref
      and m.period_key between :from_key and :to_key
      and m.actual is not null
)
select q.label as period, median(f.actual) as group_median, count(f.actual) as members_with_figure
from quarters as q
left join figures as f on f.period_key = q.period_key
group by q.period_key, q.label
order by q.period_key
