-- indicator_versions: every version of one indicator (type-2 history), oldest first, with the
-- quarters each version was in force. Parameter: :ref.
select
    i.indicator_ref, i.version, i.ni_code, i.title, t.theme_name as theme, i.polarity, i.unit,
    i.accumulation,
    bp.label as baseline_period, i.baseline_value,
    tp.label as target_period, i.target_value, i.stretch_target_value, i.is_reward_target,
    o.officer_name as officer,
    vf.label as valid_from,
    vt.label as valid_to,
    i.is_current,
    i.frequency,
    i.due_quarter
from dim_indicator as i
join dim_theme as t on t.theme_key = i.theme_key
left join dim_officer as o on o.officer_key = i.officer_key
left join dim_period as bp on bp.period_key = i.baseline_period_key
left join dim_period as tp on tp.period_key = i.target_period_key
left join dim_period as vf on vf.period_key = i.valid_from_key
left join dim_period as vt on vt.period_key = i.valid_to_key
where i.indicator_ref = :ref
order by i.version
