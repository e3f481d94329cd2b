-- trajectory_gap_areas: one indicator (:ref) in one quarter (:period_key) in an authority and
-- every area within it, side by side: the authority (:area_key) first, then, by name, the areas
-- whose parent it is; for the whole authority, every top-level area (one with no parent). Each
-- is measured against its own plan (none: the reason says so), with the officer's rating and
-- comment, the directions of travel, and the inputs a computed-rating rule needs, as
-- trajectory_gap.sql gives them (slope of the last :trend_quarters figures: quarters', or years'
-- for an ANNUAL indicator). Only areas
-- with a series for the indicator (a figure or a plan of their own) are listed.
-- Parameters: :ref, :period_key, :basis, :area_key, :trend_quarters.
with chosen_areas as (
    select a.area_key, 0 as area_order
    from dim_area as a
    where a.area_key = :area_key
    union all
    select c.area_key, 1 as area_order
    from dim_area as c
    join dim_area as p on p.area_key = :area_key
    where not c.is_whole_authority
      and (c.parent_area_key = p.area_key or (p.is_whole_authority and c.parent_area_key is null))
),
scoped as materialized (
    -- one read of the mart: the indicator, basis and areas asked for, over the :trend_quarters
    -- quarters ending with the chosen one (the slope's window), or years for an annual indicator
    select m.*
    from mart_indicator_quarter as m
    where m.basis = :basis
      and m.indicator_ref = :ref
      and m.area_key in (select area_key from chosen_areas)
      and m.ordinal between period_ordinal(:period_key) - 4 * (:trend_quarters::integer - 1) and period_ordinal(:period_key)
      and (m.ordinal > period_ordinal(:period_key) - :trend_quarters::integer or m.frequency = 'ANNUAL')
),
recent as (
    -- at least two actuals, as Trend.slopePerQuarter (regr_slope of one point is NaN); the window
    -- is the chosen quarter's version's, as trajectory_gap.sql
    select c.area_key,
           case when count(s.actual) >= 2 then regr_slope(s.actual, s.ordinal) end as slope_per_quarter
    from scoped as c
    join scoped as s on s.area_key = c.area_key
    where c.period_key = :period_key
      and case when c.frequency = 'ANNUAL' then (c.ordinal - s.ordinal) % 4 = 0
               else s.ordinal > c.ordinal - :trend_quarters::integer end
    group by c.area_key
)
select
    c.indicator_ref,
    i.title,
    t.theme_name as theme,
    i.polarity,
    i.accumulation,
    c.frequency,
    c.due_quarter,
    p.label as period,
    a.area_code as area,
    a.area_name,
    a.area_type,
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
    c.direction_vs_previous_quarter,
    c.direction_vs_previous_quarter_reason,
    c.direction_vs_same_quarter_last_year,
    c.direction_vs_same_quarter_last_year_reason,
    c.comment,
    c.officer_trend
from scoped as c
join chosen_areas as ca on ca.area_key = c.area_key
join dim_indicator as i on i.indicator_key = c.indicator_key
join dim_theme as t on t.theme_key = c.theme_key
join dim_period as p on p.period_key = c.period_key
join dim_area as a on a.area_key = c.area_key
left join dim_period as tp on tp.period_key = c.target_period_key
left join recent as r on r.area_key = c.area_key
where c.period_key = :period_key
order by ca.area_order, a.area_name
