-- DuckDB reference, step 2: conform as publish's 03_dimensions and 04_facts do. Areas keyed;
-- comparison groups and their members; plans (the register's per version, each area's own by
-- valid_from, a plan with no targets for an area with only explicit planned values); every
-- plan's trajectory quarter by quarter (linear, CUMULATIVE_YTD profiled q/4, explicit values
-- win, reward threshold); the facts with the indicator version in force, revisions numbered,
-- latest and as-reported flagged, stored sorted by (indicator, area, period).
-- Parameters: :reward_share.

create table dim_area as
with areas as (
    select '' as area_code, 'Whole authority' as area_name, null::varchar as parent_area_code
    union all
    select area_code, area_name, parent_area_code from stage_area
    union all
    select distinct r.area_code, r.area_code, null
    from stage_return as r
    where r.area_code <> '' and r.area_code not in (select area_code from stage_area)
),
keyed as (
    select row_number() over (order by area_code)::integer as area_key, * from areas
)
select k.area_key, k.area_code, k.area_name, k.area_code = '' as is_whole_authority, p.area_key as parent_area_key
from keyed as k
left join keyed as p on p.area_code = k.parent_area_code
order by k.area_key;

create table dim_comparison_group as
select row_number() over (order by group_name)::integer as group_key, group_name, count(*) as members
from stage_group_member
group by group_name;

create table bridge_comparison_group_area as
select distinct g.group_key, a.area_key
from stage_group_member as m
join dim_comparison_group as g on g.group_name = m.group_name
join dim_area as a on a.area_code = m.area_code
order by 1, 2;

create table dim_plan as
with first_valid as (
    select indicator_ref, min(valid_from_key) as valid_from_key from dim_indicator group by indicator_ref
),
area_plans as (
    select t.indicator_ref, t.area_code, t.baseline_period_key, t.baseline_value, t.target_period_key,
           t.target_value, t.stretch_target_value, coalesce(t.valid_from_key, f.valid_from_key) as valid_from_key
    from stage_area_target as t
    join first_valid as f on f.indicator_ref = t.indicator_ref
),
plans as (
    select indicator_ref, '' as area_code, version, baseline_period_key, baseline_value, target_period_key,
           target_value, stretch_target_value, valid_from_key, valid_to_key, 'register' as source
    from dim_indicator
    union all
    select indicator_ref, area_code, row_number() over w, baseline_period_key, baseline_value, target_period_key,
           target_value, stretch_target_value, valid_from_key, lead(valid_from_key) over w, 'area_targets'
    from area_plans
    window w as (partition by indicator_ref, area_code order by valid_from_key)
    union all
    select v.indicator_ref, v.area_code, 1, null, null, null, null, null, f.valid_from_key, null, 'trajectories'
    from (select distinct indicator_ref, area_code from stage_planned_value where area_code <> '') as v
    join first_valid as f on f.indicator_ref = v.indicator_ref
    where not exists (select 1 from area_plans as p where p.indicator_ref = v.indicator_ref and p.area_code = v.area_code)
)
select row_number() over (order by p.indicator_ref, a.area_key, p.valid_from_key)::integer as plan_key,
       p.indicator_ref, a.area_key, p.version, p.baseline_period_key, p.baseline_value, p.target_period_key,
       p.target_value, p.stretch_target_value, p.valid_from_key, p.valid_to_key, p.source
from plans as p
join dim_area as a on a.area_code = p.area_code;

create table dim_period as
with bounds as (
    select min(k) as first_key, max(k) as last_key
    from (
        select unnest([baseline_period_key, target_period_key, valid_from_key]) as k from dim_indicator
        union all select unnest([baseline_period_key, target_period_key, valid_from_key]) from dim_plan
        union all select max(return_period_key) from stage_return
        union all select min(period_key) from stage_return
    ) as all_keys
    where k is not null
),
ordinals as (
    select unnest(range(period_ordinal(first_key), period_ordinal(last_key) + 1)) as ordinal from bounds
)
select period_key_of(ordinal) as period_key, ordinal, ordinal // 4 as fiscal_year, ordinal % 4 + 1 as quarter
from ordinals;

create table fact_indicator_return as
with numbered as (
    select
        r.*,
        row_number() over w as revision,
        row_number() over w = count(*) over (partition by r.indicator_ref, r.area_code, r.period_key) as is_latest
    from stage_return as r
    window w as (partition by r.indicator_ref, r.area_code, r.period_key order by r.return_period_key)
)
select
    i.indicator_key, n.indicator_ref, n.period_key, a.area_key, n.return_period_key, n.revision,
    n.is_latest, n.revision = 1 as is_as_reported, n.actual, n.reported_rating, n.officer_trend,
    n.data_status, n.is_provisional, n.comment, n.reported_by, n.source_file
from numbered as n
join dim_area as a on a.area_code = n.area_code
left join dim_indicator as i
  on i.indicator_ref = n.indicator_ref
 and n.period_key >= i.valid_from_key
 and (i.valid_to_key is null or n.period_key < i.valid_to_key)
order by n.indicator_ref, a.area_key, n.period_key, n.revision;

-- Every plan's trajectory, as publish's stage_plan_quarter and fact_trajectory work it out.
create table fact_trajectory as
with horizon as (
    select max(return_period_key) as period_key from stage_return
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
),
quarters as (
    select
        plan_key, indicator_ref, area_key, indicator_key, period_key, baseline_for,
        coalesce(explicit_planned, computed_planned) as planned_value,
        coalesce(explicit_stretch, computed_stretch) as stretch_planned_value,
        explicit_planned is not null as is_explicit
    from lines
)
select indicator_ref, indicator_key, area_key, period_key, plan_key, baseline_for, planned_value, stretch_planned_value,
       baseline_for + :reward_share * (stretch_planned_value - baseline_for) as reward_threshold, is_explicit
from quarters
where planned_value is not null or stretch_planned_value is not null
order by indicator_ref, area_key, period_key;

checkpoint;
