-- trajectory_gap: every indicator in force in one quarter (:period_key), in one area, where it
-- is against where it planned to be: gaps to the planned value, the stretch trajectory and the
-- reward threshold (positive = ahead, whatever the polarity), the officer's rating, trend and
-- comment, and the inputs a computed-rating rule needs (slope of the last :trend_quarters figures:
-- the last quarters', or for an ANNUAL indicator the same quarter's of the last years, as
-- Trend.slopePerQuarter). Optional :theme (null = every theme). Parameters: :period_key, :basis,
-- :area_key, :theme, :trend_quarters.
with scoped as materialized (
    -- one read of the mart: the basis and area asked for, over the :trend_quarters quarters
    -- ending with the chosen one (the slope's window; the chosen quarter is the last of them),
    -- and for annual indicators the :trend_quarters years
    select m.*
    from mart_indicator_quarter as m
    where m.basis = :basis
      and m.area_key = :area_key
      and m.ordinal between period_ordinal(:period_key) - 4 * (:trend_quarters::integer - 1) and period_ordinal(:period_key)
      and (m.ordinal > period_ordinal(:period_key) - :trend_quarters::integer or m.frequency = 'ANNUAL')
),
chosen as (
    select s.*
    from scoped as s
    join dim_theme as t on t.theme_key = s.theme_key
    where s.period_key = :period_key
      and (:theme::varchar is null or lower(t.theme_name) = lower(:theme::varchar))
),
recent as (
    -- at least two actuals, as Trend.slopePerQuarter (regr_slope of one point is NaN); the window
    -- is the chosen quarter's version's: quarters, or years for an ANNUAL indicator
    select c.indicator_ref,
           case when count(s.actual) >= 2 then regr_slope(s.actual, s.ordinal) end as slope_per_quarter
    from chosen as c
    join scoped as s on s.indicator_ref = c.indicator_ref
    where case when c.frequency = 'ANNUAL' then (c.ordinal - s.ordinal) % 4 = 0
               else s.ordinal > c.ordinal - :trend_quarters::integer end
    group by c.indicator_ref
)
select
    c.indicator_ref,
    i.title,
    t.theme_name as theme,
    t.sort_order as theme_order,
    i.polarity,
    i.accumulation,
    c.frequency,
    c.due_quarter,
    p.label as period,
    a.area_code as area,
    c.actual,
    c.planned_value as planned,
    c.gap,
    c.gap_share_of_planned_improvement,
    c.stretch_planned_value as stretch_planned,
    c.gap_to_stretch,
    c.reward_threshold,
    c.gap_to_reward,
    c.rating as reported_rating,
    c.is_officer_rated,
    c.has_plan,
    c.no_plan_reason,
    c.baseline_value,
    c.target_value,
    tp.label as target_period,
    c.planned_at_year_end,
    r.slope_per_quarter,
    c.previous_actual,
    c.same_quarter_last_year_actual,
    c.comment,
    c.officer_trend
from chosen as c
join dim_indicator as i on i.indicator_key = c.indicator_key
join dim_theme as t on t.theme_key = c.theme_key
join dim_period as p on p.period_key = c.period_key
join dim_area as a on a.area_key = c.area_key
left join dim_period as tp on tp.period_key = c.target_period_key
left join recent as r on r.indicator_ref = c.indicator_ref
-- references in natural order (LAA 7.2 before LAA 7.10: digit runs compared as numbers)
order by t.sort_order, [case when regexp_full_match(part, '[0-9]+') then lpad(part, 20, '0') else part end
          for part in regexp_extract_all(c.indicator_ref, '[0-9]+|[^0-9]+')]
