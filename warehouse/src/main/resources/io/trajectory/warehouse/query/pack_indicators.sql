-- pack_indicators: every indicator in force in one quarter (:period_key), in one area, with what
-- the quarterly report pack prints beside its rating and the trajectory-gap answer does not carry:
-- the officer responsible in that quarter (the version then in force) and the direction of travel
-- against the previous quarter, with its reason when there is none.
-- Parameters: :period_key, :basis, :area_key.
select
    m.indicator_ref,
    i.polarity,
    i.accumulation,
    o.officer_name as officer,
    m.direction_vs_previous_quarter,
    m.direction_vs_previous_quarter_reason
from mart_indicator_quarter as m
join dim_indicator as i on i.indicator_key = m.indicator_key
left join dim_officer as o on o.officer_key = i.officer_key
where m.basis = :basis
  and m.area_key = :area_key
  and m.period_key = :period_key
order by m.indicator_ref
