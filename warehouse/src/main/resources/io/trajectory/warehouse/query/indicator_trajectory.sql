-- indicator_trajectory: the planned, stretch planned and reward-threshold values of one
-- indicator for every quarter of its trajectory. Parameter: :ref.
select
    t.indicator_ref, p.label as period, t.baseline_value, t.planned_value, t.stretch_planned_value,
    t.reward_threshold, t.is_explicit
from fact_trajectory as t
join dim_period as p on p.period_key = t.period_key
where t.indicator_ref = :ref
order by t.period_key
