-- Facts, stored sorted by (indicator, area, period) so DuckDB's zone maps skip most of the
-- table for the common single-indicator and single-period filters.
-- A return delivered again with a changed indicator file is a new version of its figures, but
-- only the figures that changed get a new revision: a row the same as the one the same return's
-- previous load gave (actual, rating, trend, status, comment, reporter) is that figure again, not
-- a revision of it. A later return restating a figure is always a revision.
insert into fact_indicator_return
with compared as (
    select
        r.*,
        lag(r.return_period_key) over w = r.return_period_key
            and lag(r.actual) over w is not distinct from r.actual
            and lag(r.rag) over w is not distinct from r.rag
            and lag(r.officer_trend) over w is not distinct from r.officer_trend
            and lag(r.data_status) over w is not distinct from r.data_status
            and lag(r.comment) over w is not distinct from r.comment
            and lag(r.reported_by) over w is not distinct from r.reported_by as is_repeat
    from stage_return as r
    window w as (partition by r.indicator_ref, r.area_code, r.period_key order by r.return_period_key, r.load_order)
),
numbered as (
    select
        r.*,
        row_number() over w as revision,
        row_number() over w = count(*) over (partition by r.indicator_ref, r.area_code, r.period_key) as is_latest
    from compared as r
    where not coalesce(r.is_repeat, false)
    window w as (partition by r.indicator_ref, r.area_code, r.period_key order by r.return_period_key, r.load_order)
)
select
    i.indicator_key, n.indicator_ref, n.period_key, a.area_key, n.return_period_key, n.batch_id,
    n.revision, n.is_latest, n.revision = 1,
    n.actual,
    coalesce(n.rag, 'NOT_AVAILABLE'), n.rag is not null,
    n.officer_trend, n.data_status,
    coalesce(n.data_status = 'PROVISIONAL', false) or n.is_return_provisional,
    n.comment, n.reported_by, n.source_file, n.source_line, n.source_sha256
from numbered as n
join dim_area as a on a.area_code = n.area_code
join dim_indicator as i
  on i.indicator_ref = n.indicator_ref
 and n.period_key >= i.valid_from_key
 and (i.valid_to_key is null or n.period_key < i.valid_to_key)
order by n.indicator_ref, a.area_key, n.period_key, n.revision;

-- Trajectories, worked out from the plans as io.trajectory.warehouse.trajectory.Trajectory does
-- (a test checks every row against it). For each plan, every quarter both it and the register
-- version are in force, up to the quarter before the next version or, for the last, the later of
-- the latest return and the target quarter. Explicit planned values win; otherwise LEVEL plans run
-- in a straight line by quarter from baseline to target and hold there; CUMULATIVE_YTD plans run
-- the annual total in a straight line by year, profiled quarter / 4. The reward threshold is the
-- baseline plus :reward_share of the way to the stretch planned value.
-- Parameters: :reward_share.
create temp table stage_plan_quarter as
with horizon as (
    select max(return_period_key) as period_key from stage_return_load
),
grid as (
    select
        p.plan_key, p.indicator_ref, p.area_key, i.indicator_key, i.accumulation,
        p.baseline_period_key, p.baseline_value, p.target_period_key, p.target_value, p.stretch_target_value,
        d.period_key, d.ordinal, d.fiscal_year, d.quarter,
        p.baseline_value is not null and p.baseline_period_key is not null and p.target_period_key is not null
            and p.target_period_key >= p.baseline_period_key and d.period_key >= p.baseline_period_key as is_on_line,
        period_ordinal(p.baseline_period_key) as baseline_ordinal,
        period_ordinal(p.target_period_key) as target_ordinal,
        p.baseline_period_key // 10 as baseline_year,
        p.target_period_key // 10 as target_year
    from dim_plan as p
    join dim_indicator as i on i.indicator_ref = p.indicator_ref
    join dim_period as d
      on d.period_key >= greatest(p.valid_from_key, i.valid_from_key)
     and (p.valid_to_key is null or d.period_key < p.valid_to_key)
     and (i.valid_to_key is null or d.period_key < i.valid_to_key)
    cross join horizon as h
    where p.valid_to_key is not null or i.valid_to_key is not null
       or d.period_key <= greatest(h.period_key, coalesce(p.target_period_key, h.period_key))
),
lines as (
    select
        g.*,
        e.planned_value as explicit_planned,
        e.stretch_planned_value as explicit_stretch,
        case when g.baseline_value is null then null
             when g.accumulation = 'CUMULATIVE_YTD' then g.baseline_value * g.quarter / 4.0
             else g.baseline_value end as baseline_for,
        case when not g.is_on_line or g.target_value is null then null
             when g.accumulation = 'CUMULATIVE_YTD' then
                 (case when g.fiscal_year >= g.target_year then g.target_value
                       else g.baseline_value + (g.target_value - g.baseline_value) * (g.fiscal_year - g.baseline_year)
                            / (g.target_year - g.baseline_year) end) * g.quarter / 4.0
             when g.ordinal >= g.target_ordinal then g.target_value
             else g.baseline_value + (g.target_value - g.baseline_value) * (g.ordinal - g.baseline_ordinal)
                  / (g.target_ordinal - g.baseline_ordinal)
        end as computed_planned,
        case when not g.is_on_line or g.stretch_target_value is null then null
             when g.accumulation = 'CUMULATIVE_YTD' then
                 (case when g.fiscal_year >= g.target_year then g.stretch_target_value
                       else g.baseline_value + (g.stretch_target_value - g.baseline_value) * (g.fiscal_year - g.baseline_year)
                            / (g.target_year - g.baseline_year) end) * g.quarter / 4.0
             when g.ordinal >= g.target_ordinal then g.stretch_target_value
             else g.baseline_value + (g.stretch_target_value - g.baseline_value) * (g.ordinal - g.baseline_ordinal)
                  / (g.target_ordinal - g.baseline_ordinal)
        end as computed_stretch
    from grid as g
    left join dim_area as a on a.area_key = g.area_key
    left join stage_planned_value as e
      on e.indicator_ref = g.indicator_ref and e.area_code = a.area_code and e.period_key = g.period_key
)
select
    plan_key, indicator_ref, area_key, indicator_key, period_key,
    target_value, target_period_key, baseline_for,
    coalesce(explicit_planned, computed_planned) as planned_value,
    coalesce(explicit_stretch, computed_stretch) as stretch_planned_value,
    baseline_for + :reward_share * (coalesce(explicit_stretch, computed_stretch) - baseline_for) as reward_threshold,
    explicit_planned is not null as is_explicit
from lines;

insert into fact_trajectory
select indicator_ref, indicator_key, area_key, period_key, plan_key, baseline_for, planned_value,
       stretch_planned_value, reward_threshold, is_explicit
from stage_plan_quarter
where planned_value is not null or stretch_planned_value is not null or reward_threshold is not null
order by indicator_ref, area_key, period_key;

-- recorded_previous_rating: what the previous quarter's report said (the named quarter, not the
-- previous row: no report last quarter means no recorded rating).
insert into fact_commitment_return
select
    d.commitment_key, c.return_period_key, c.rating, c.stated_previous_rating, c.stated_previous_period_key,
    p.rating,
    c.status_text, c.comment, c.section, o.officer_key, c.is_return_provisional,
    c.source_file, c.source_line, c.source_sha256
from stage_commitment as c
join dim_commitment as d on d.commitment_ref = c.commitment_ref and d.item = c.item
left join stage_commitment as p
  on p.commitment_ref = c.commitment_ref and p.item = c.item
 and period_ordinal(p.return_period_key) = period_ordinal(c.return_period_key) - 1
left join dim_officer as o on o.officer_name = c.responsible_officer
order by d.commitment_key, c.return_period_key;
