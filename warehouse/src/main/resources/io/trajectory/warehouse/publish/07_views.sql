-- Semantic views for analysts: the three query families, with labels instead of keys.

-- Trend: every quarter of every indicator and area, actual against trajectory and target.
create view v_trend as
select
    m.basis, m.indicator_ref, i.title, t.theme_name as theme, a.area_code, a.area_name,
    p.label as period, m.period_key, m.actual, m.planned_value as planned,
    m.stretch_planned_value as stretch_planned, m.target_value as target, m.rating,
    m.is_provisional, m.direction_vs_previous_quarter, m.direction_vs_previous_quarter_reason,
    m.direction_vs_same_quarter_last_year, m.direction_vs_same_quarter_last_year_reason,
    m.officer_trend, m.comment, m.revision, m.has_plan, m.no_plan_reason
from mart_indicator_quarter as m
join dim_indicator as i on i.indicator_key = m.indicator_key
join dim_theme as t on t.theme_key = m.theme_key
join dim_area as a on a.area_key = m.area_key
join dim_period as p on p.period_key = m.period_key;

-- Trajectory gap: where each indicator is against where it planned to be that quarter.
create view v_trajectory_gap as
select
    m.basis, p.label as period, m.period_key, m.indicator_ref, i.title, t.theme_name as theme,
    a.area_code, i.polarity, m.actual, m.planned_value as planned, m.gap,
    m.gap_share_of_planned_improvement, m.stretch_planned_value as stretch_planned, m.gap_to_stretch,
    m.reward_threshold, m.gap_to_reward, m.rating as reported_rating, m.is_officer_rated, m.has_plan,
    m.no_plan_reason
from mart_indicator_quarter as m
join dim_indicator as i on i.indicator_key = m.indicator_key
join dim_theme as t on t.theme_key = m.theme_key
join dim_area as a on a.area_key = m.area_key
join dim_period as p on p.period_key = m.period_key;

-- Comparison: ratings per theme and quarter with shares under the share rule (Green, Amber,
-- Red, Achieved as shares of indicators with data; not available as a share of all counted).
-- theme = 'Totals' for the roll-up; area_code null = all areas together.
create view v_comparison as
with counts as (
    select g.*, r.has_data, r.is_counted, r.sort_order
    from agg_theme_rating as g
    join dim_rating as r on r.rating_code = g.rating
)
select
    c.basis, p.label as period, c.period_key, coalesce(t.theme_name, 'Totals') as theme,
    coalesce(t.sort_order, 999) as theme_order, a.area_code, c.rating, c.indicators,
    case
        when c.has_data then c.indicators / nullif(sum(case when c.has_data then c.indicators end)
            over (partition by c.basis, c.period_key, c.theme_key, c.area_key), 0)
        when c.rating = 'NOT_AVAILABLE' then c.indicators / nullif(sum(case when c.is_counted then c.indicators end)
            over (partition by c.basis, c.period_key, c.theme_key, c.area_key), 0)
    end as share
from counts as c
join dim_period as p on p.period_key = c.period_key
left join dim_theme as t on t.theme_key = c.theme_key
left join dim_area as a on a.area_key = c.area_key;

-- Transitions: how many indicators moved from one rating to another between two quarters.
create view v_transition as
select
    x.basis, pf.label as from_period, pt.label as to_period, x.from_period_key, x.to_period_key,
    coalesce(t.theme_name, 'Totals') as theme, a.area_code, x.from_rating, x.to_rating, x.indicators
from agg_rating_transition as x
join dim_period as pf on pf.period_key = x.from_period_key
join dim_period as pt on pt.period_key = x.to_period_key
left join dim_theme as t on t.theme_key = x.theme_key
left join dim_area as a on a.area_key = x.area_key;

-- Commitment themes: a commitment's theme is that of the LAA indicator its "We Will Achieve"
-- line names (the first version's, if it moved), else it has none ("Corporate and other").
create view v_commitment_theme as
select c.commitment_key, min_by(t.theme_name, i.version) as theme, min(t.sort_order) as theme_order
from dim_commitment as c
join dim_indicator as i on i.indicator_ref = regexp_extract(c.achieve, 'LAA [0-9]+(\.[0-9]+)*')
join dim_theme as t on t.theme_key = i.theme_key
group by c.commitment_key;

-- Rating pairs: the items rated in both of two quarters, with both ratings, which is what a
-- comparison of the two counts (transitions) and lists (movers). subject is 'indicators' or
-- 'commitments'; an indicator is paired per area (in_area_key null = every area); an item not in
-- force in one of the quarters has no pair. The quarters need not be adjacent. Commitments have
-- no areas and no revisions (basis_code is ignored for them). The later quarter's comment and
-- responsible officer come with each pair. By hand:
--   select * from rating_pairs('indicators', 'latest', 20064, 20071, null) where from_rating <> to_rating
create macro rating_pairs(subject, basis_code, from_key, to_key, in_area_key) as table
with indicator_from as (
    select indicator_ref as ref, area_key, rating
    from mart_indicator_quarter as m
    where subject::varchar = 'indicators'
      and m.basis = basis_code::varchar
      and m.period_key = from_key::integer
      and (in_area_key::integer is null or m.area_key = in_area_key::integer)
),
indicator_to as (
    select indicator_ref as ref, area_key, rating, indicator_key, theme_key, comment
    from mart_indicator_quarter as m
    where subject::varchar = 'indicators'
      and m.basis = basis_code::varchar
      and m.period_key = to_key::integer
      and (in_area_key::integer is null or m.area_key = in_area_key::integer)
),
indicator_pairs as (
    -- joined on the narrow columns first; titles and themes only for the rows kept
    select t.ref, t.indicator_key, t.theme_key, null::integer as commitment_key, t.area_key,
           f.rating as from_rating, t.rating as to_rating, t.comment, null::integer as officer_key
    from indicator_from as f
    join indicator_to as t on t.ref = f.ref and t.area_key = f.area_key
),
commitment_pairs as (
    -- a commitment's later items are told apart by their number: "CPA Res 2 (2)"
    select c.commitment_ref || case when c.item > 1 then ' (' || c.item || ')' else '' end as ref,
           null::integer as indicator_key, null::integer as theme_key, c.commitment_key, null::integer as area_key,
           f.rating as from_rating, t.rating as to_rating, t.comment, coalesce(t.officer_key, c.officer_key) as officer_key
    from fact_commitment_return as f
    join fact_commitment_return as t on t.commitment_key = f.commitment_key
    join dim_commitment as c on c.commitment_key = f.commitment_key
    where subject::varchar = 'commitments'
      and f.period_key = from_key::integer
      and t.period_key = to_key::integer
)
select * from indicator_pairs
union all
select * from commitment_pairs;
