-- mart_indicator_quarter: one row per basis x indicator x area x quarter the indicator is in
-- force, up to the latest published return. Missing quarters are present with a null actual.
-- basis 'latest' uses each figure's newest revision; 'as-reported' the revision the committee
-- first saw. Directions compare with the named quarter (ordinal - 1, ordinal - 4), never with
-- "the previous row". Gaps are oriented by polarity: positive means ahead.
-- Built in narrow steps for speed at national size (millions of rows): the window functions
-- run over integer keys and numbers only, and the wide columns join back afterwards.

-- Every indicator x area that has, or may have, figures: a dense integer key per series. Those
-- are the pairs with figures, every indicator of the whole authority (when the zone reports any
-- whole-authority figure: a zone of many authorities may not), and every area's own plans.
create temp table stage_series as
select row_number() over (order by indicator_ref, area_key) as series_key, indicator_ref, area_key
from (
    select distinct indicator_ref, area_key from fact_indicator_return
    union
    select distinct i.indicator_ref, a.area_key
    from dim_indicator as i cross join dim_area as a
    where a.is_whole_authority
      and exists (select 1 from fact_indicator_return as f where f.area_key = a.area_key)
    union
    select distinct indicator_ref, area_key from dim_plan
    where area_key <> (select area_key from dim_area where is_whole_authority)
) as pairs;

-- Each series' quarters in force up to the latest published return. Versions follow one
-- another without gaps, so a series' quarters are consecutive ordinals. is_due: a figure is due
-- that quarter (every quarter, except for an ANNUAL indicator only in its due quarter), as
-- io.trajectory.warehouse.indicator.ReportingSchedule.isDue.
create temp table stage_grid as
select
    s.series_key, s.indicator_ref, s.area_key, i.indicator_key, i.theme_key, i.polarity_sign, i.accumulation,
    i.frequency, i.due_quarter, i.frequency <> 'ANNUAL' or d.quarter = i.due_quarter as is_due,
    d.period_key, d.ordinal, d.quarter, d.fiscal_year
from stage_series as s
join dim_indicator as i on i.indicator_ref = s.indicator_ref
join dim_period as d
  on d.period_key >= i.valid_from_key
 and (i.valid_to_key is null or d.period_key < i.valid_to_key)
where d.period_key <= (select max(return_period_key) from stage_return_load where is_published);

-- The two bases side by side: 'latest' = newest revision, 'as-reported' = first revision.
create temp table stage_actuals as
select
    g.series_key, g.ordinal, g.quarter, g.frequency = 'ANNUAL' as is_annual,
    l.actual as actual_latest,
    r.actual as actual_as_reported
from stage_grid as g
left join fact_indicator_return as l
  on l.is_latest and l.indicator_ref = g.indicator_ref and l.area_key = g.area_key and l.period_key = g.period_key
left join fact_indicator_return as r
  on r.is_as_reported and r.indicator_ref = g.indicator_ref and r.area_key = g.area_key and r.period_key = g.period_key;

-- Actuals of the named earlier quarters. A series' quarters are consecutive, so the k-th row
-- back is ordinal - k: this is "the previous quarter", never merely "the previous row".
-- The slope is of the last four figures: the last four quarters', or for an ANNUAL indicator the
-- same quarter's of the last four years (window y: one row a year), as Trend.slopePerQuarter.
create temp table stage_neighbours as
select
    series_key, ordinal,
    lag(actual_latest, 1) over w as previous_latest,
    lag(actual_latest, 2) over w as previous2_latest,
    lag(actual_latest, 4) over w as last_year_latest,
    -- A slope needs two actuals; DuckDB gives NaN for one (as Trend.slope gives none).
    case when is_annual then
             case when count(actual_latest) over (y rows between 3 preceding and current row) >= 2
                  then regr_slope(actual_latest, ordinal) over (y rows between 3 preceding and current row) end
         when count(actual_latest) over (w rows between 3 preceding and current row) >= 2
         then regr_slope(actual_latest, ordinal) over (w rows between 3 preceding and current row) end as slope_latest,
    lag(actual_as_reported, 1) over w as previous_as_reported,
    lag(actual_as_reported, 2) over w as previous2_as_reported,
    lag(actual_as_reported, 4) over w as last_year_as_reported,
    case when is_annual then
             case when count(actual_as_reported) over (y rows between 3 preceding and current row) >= 2
                  then regr_slope(actual_as_reported, ordinal) over (y rows between 3 preceding and current row) end
         when count(actual_as_reported) over (w rows between 3 preceding and current row) >= 2
         then regr_slope(actual_as_reported, ordinal) over (w rows between 3 preceding and current row) end as slope_as_reported
from stage_actuals
window w as (partition by series_key order by ordinal),
       y as (partition by series_key, quarter order by ordinal);

-- mart_indicator_quarter: one row per basis x indicator x area x quarter the indicator is in
-- force, up to the latest published return. Missing quarters are present with a null actual.
-- basis 'latest' uses each figure's newest revision; 'as-reported' the revision the committee
-- first saw. Directions compare with the named quarter (ordinal - 1, ordinal - 4); an ANNUAL
-- indicator only with the same quarter last year. Gaps are oriented by polarity: positive means ahead.
create table mart_indicator_quarter as
with bases (basis) as (
    values ('latest'), ('as-reported')
),
-- Equi-joins only: an OR in the join condition turns DuckDB's hash join into a nested loop.
figures as (
    select 'latest' as basis, indicator_ref, area_key, period_key, actual, reported_rating, is_officer_rated,
           officer_trend, data_status, is_provisional, comment, revision, return_period_key
    from fact_indicator_return where is_latest
    union all
    select 'as-reported', indicator_ref, area_key, period_key, actual, reported_rating, is_officer_rated,
           officer_trend, data_status, is_provisional, comment, revision, return_period_key
    from fact_indicator_return where is_as_reported
),
base as (
    select
        b.basis, g.*,
        f.actual, f.reported_rating as officer_rating, coalesce(f.is_officer_rated, false) as is_officer_rated,
        f.officer_trend, f.data_status,
        coalesce(f.is_provisional, false) as is_provisional, f.comment, f.revision, f.return_period_key,
        t.plan_key, t.target_value as plan_target_value, t.target_period_key as plan_target_period_key,
        t.baseline_for as baseline_value, t.planned_value, t.stretch_planned_value, t.reward_threshold,
        year_end.planned_value as planned_at_year_end, a.area_name,
        case b.basis when 'latest' then n.previous_latest else n.previous_as_reported end as previous_actual,
        case b.basis when 'latest' then n.previous2_latest else n.previous2_as_reported end as previous2_actual,
        case b.basis when 'latest' then n.last_year_latest else n.last_year_as_reported end as same_quarter_last_year_actual,
        case b.basis when 'latest' then n.slope_latest else n.slope_as_reported end as slope_per_quarter
    from stage_grid as g
    cross join bases as b
    join stage_neighbours as n on n.series_key = g.series_key and n.ordinal = g.ordinal
    left join figures as f
      on f.basis = b.basis and f.indicator_ref = g.indicator_ref and f.area_key = g.area_key
     and f.period_key = g.period_key
    left join stage_plan_quarter as t
      on t.indicator_ref = g.indicator_ref and t.area_key = g.area_key and t.period_key = g.period_key
    left join stage_plan_quarter as year_end
      on year_end.indicator_ref = g.indicator_ref and year_end.area_key = g.area_key
     and year_end.period_key = g.fiscal_year * 10 + 4
    join dim_area as a on a.area_key = g.area_key
),
directions as (
    select
        *,
        -- Cumulative year-to-date figures are compared with the previous quarter by each
        -- quarter's own increment; with the same quarter last year, year-to-date with year-to-date.
        case when accumulation = 'CUMULATIVE_YTD'
             then (case when quarter = 1 then actual else actual - previous_actual end)
                - (case when quarter = 2 then previous_actual else previous_actual - previous2_actual end)
             else actual - previous_actual end as change_vs_previous_quarter,
        greatest(abs(actual), abs(previous_actual),
                 case when accumulation = 'CUMULATIVE_YTD' and quarter <> 2 then abs(previous2_actual) end)
            as scale_vs_previous_quarter,
        -- Reasons name every quarter that is missing, earliest first (as DirectionRule does).
        case
            when frequency = 'ANNUAL'
                then 'annual, due in Q' || due_quarter || ': compared with the same quarter last year only'
            when actual is null then 'no actual for ' || period_label(ordinal)
            when accumulation = 'CUMULATIVE_YTD' and quarter <> 2 and previous2_actual is null and previous_actual is null
                then 'no actual for ' || period_label(ordinal - 2) || ' and ' || period_label(ordinal - 1)
            when accumulation = 'CUMULATIVE_YTD' and quarter <> 2 and previous2_actual is null
                then 'no actual for ' || period_label(ordinal - 2)
            when previous_actual is null then 'no actual for ' || period_label(ordinal - 1)
        end as direction_vs_previous_quarter_reason,
        case
            when actual is null and not is_due
                then 'not due in ' || period_label(ordinal) || ' (annual, due in Q' || due_quarter || ')'
            when actual is null then 'no actual for ' || period_label(ordinal)
            when same_quarter_last_year_actual is null then 'no actual for ' || period_label(ordinal - 4)
        end as direction_vs_same_quarter_last_year_reason
    from base
)
select
    basis, indicator_key, indicator_ref, theme_key, area_key, period_key, ordinal,
    actual,
    -- As io.trajectory.warehouse.rating.QuarterRating: the plan in force decides NO_TARGET
    -- (baselines and targets yet to be set; an area with no plan of its own keeps its officer's
    -- rating), and with no rating given the register decides between NOT_AVAILABLE (a figure was
    -- due) and NOT_DUE (an annual figure not due this quarter).
    case
        when officer_rating = 'ENDED' then 'ENDED'
        when officer_rating = 'NO_TARGET' or (plan_key is not null and plan_target_value is null) then 'NO_TARGET'
        when coalesce(officer_rating, 'NOT_AVAILABLE') = 'NOT_AVAILABLE' and not is_due then 'NOT_DUE'
        else coalesce(officer_rating, 'NOT_AVAILABLE')
    end as rating,
    frequency, due_quarter, is_due,
    is_officer_rated,
    officer_trend, data_status, is_provisional, comment, revision, return_period_key,
    plan_key, plan_key is not null as has_plan,
    case when plan_key is null then 'no plan for ' || area_name end as no_plan_reason,
    baseline_value, planned_value, stretch_planned_value, reward_threshold,
    plan_target_value as target_value, plan_target_period_key as target_period_key, planned_at_year_end,
    -- "+ 0.0" turns the -0.0 of a lower-is-better indicator exactly on plan into 0.0
    (actual - planned_value) * polarity_sign + 0.0 as gap,
    (actual - planned_value) / nullif(planned_value - baseline_value, 0) + 0.0 as gap_share_of_planned_improvement,
    (actual - stretch_planned_value) * polarity_sign + 0.0 as gap_to_stretch,
    (actual - reward_threshold) * polarity_sign + 0.0 as gap_to_reward,
    previous_actual, same_quarter_last_year_actual, slope_per_quarter,
    -- Differences within a billionth of the values compared are rounding noise: NO_CHANGE.
    case when direction_vs_previous_quarter_reason is null then
        case
            when abs(change_vs_previous_quarter) <= 1e-9 * greatest(1.0, scale_vs_previous_quarter) then 'NO_CHANGE'
            when change_vs_previous_quarter * polarity_sign > 0 then 'IMPROVING'
            else 'WORSENING'
        end
    end as direction_vs_previous_quarter,
    direction_vs_previous_quarter_reason,
    case when direction_vs_same_quarter_last_year_reason is null then
        case
            when abs(actual - same_quarter_last_year_actual)
                 <= 1e-9 * greatest(1.0, abs(actual), abs(same_quarter_last_year_actual)) then 'NO_CHANGE'
            when (actual - same_quarter_last_year_actual) * polarity_sign > 0 then 'IMPROVING'
            else 'WORSENING'
        end
    end as direction_vs_same_quarter_last_year,
    direction_vs_same_quarter_last_year_reason
from directions
order by basis, indicator_ref, area_key, period_key;

-- agg_theme_rating: counts of each rating per basis x quarter x theme x area, with roll-ups:
-- theme_key null = all themes (the Totals row), area_key null = all areas.
create table agg_theme_rating as
select basis, period_key, theme_key, area_key, rating, count(*) as indicators
from mart_indicator_quarter
group by grouping sets (
    (basis, period_key, theme_key, area_key, rating),
    (basis, period_key, area_key, rating),
    (basis, period_key, theme_key, rating),
    (basis, period_key, rating)
)
order by basis, period_key, theme_key, area_key, rating;

-- agg_rating_transition: how ratings moved between consecutive quarters and between a quarter
-- and the same quarter last year, per basis x theme x area (null = rolled up).
create table agg_rating_transition as
with pairs as (
    select a.basis, a.indicator_ref, a.area_key, a.period_key as from_period_key, a.rating as from_rating,
           unnest([a.ordinal + 1, a.ordinal + 4]) as to_ordinal
    from mart_indicator_quarter as a
)
select
    p.basis, p.from_period_key, b.period_key as to_period_key,
    b.theme_key, p.area_key, p.from_rating, b.rating as to_rating, count(*) as indicators
from pairs as p
join mart_indicator_quarter as b
  on b.basis = p.basis and b.indicator_ref = p.indicator_ref and b.area_key = p.area_key and b.ordinal = p.to_ordinal
group by grouping sets (
    (p.basis, p.from_period_key, b.period_key, b.theme_key, p.area_key, p.from_rating, b.rating),
    (p.basis, p.from_period_key, b.period_key, p.area_key, p.from_rating, b.rating),
    (p.basis, p.from_period_key, b.period_key, b.theme_key, p.from_rating, b.rating),
    (p.basis, p.from_period_key, b.period_key, p.from_rating, b.rating)
)
order by 1, 2, 3, 4, 5;
