-- Conformed dimensions for the snapshot: themes, officers, areas, periods, indicators, commitments.
insert into dim_theme
select row_number() over (order by theme) as theme_key, theme, row_number() over (order by theme)
from (select distinct theme from stage_indicator) as t;

insert into dim_officer
select row_number() over (order by officer_name), officer_name
from (
    select responsible_officer as officer_name from stage_indicator where responsible_officer is not null
    union
    select responsible_officer from stage_commitment where responsible_officer is not null
) as o;

-- Areas: the whole authority, every area definitions/areas.csv lists or a return reports
-- (the lake's dim_area carries both), and any other a published figure names.
insert into dim_area (area_key, area_code, area_name, is_whole_authority, area_type, parent_area_key, is_listed)
with areas as (
    select '' as area_code, 'Whole authority' as area_name, 'whole authority' as area_type,
           null::varchar as parent_area_code, false as is_listed
    union all
    select area_code, area_name, area_type, parent_area_code, is_listed from stage_area where area_code <> ''
    union all
    select distinct r.area_code, r.area_code, 'area', null, false
    from stage_return as r
    where r.area_code <> '' and r.area_code not in (select area_code from stage_area)
),
keyed as (
    select row_number() over (order by area_code) as area_key, * from areas
)
select k.area_key, k.area_code, k.area_name, k.area_code = '', k.area_type, p.area_key, k.is_listed
from keyed as k
left join keyed as p on p.area_code = k.parent_area_code
order by k.area_key;

insert into dim_comparison_group
select row_number() over (order by group_name), group_name, count(*)
from stage_group_member
group by group_name;

insert into bridge_comparison_group_area
select distinct g.group_key, a.area_key
from stage_group_member as m
join dim_comparison_group as g on g.group_name = m.group_name
join dim_area as a on a.area_code = m.area_code
order by 1, 2;

insert into dim_period
with bounds as (
    select min(k) as first_key, max(k) as last_key
    from (
        select unnest([baseline_period_key, target_period_key, valid_from_key]) as k from stage_indicator
        union all select unnest([baseline_period_key, target_period_key, valid_from_key]) from stage_area_plan
        union all select period_key from stage_return
        union all select return_period_key from stage_return_load
        union all select period_key from stage_planned_value
    ) as all_keys
    where k is not null
),
ordinals as (
    select unnest(range(period_ordinal(first_key), period_ordinal(last_key) + 1)) as ordinal
    from bounds
),
quarters as (
    select
        ordinal,
        ordinal // 4 as fiscal_year,
        ordinal % 4 + 1 as quarter,
        make_date(ordinal // 4, 4, 1) + to_months(3 * (ordinal % 4)) as start_date
    from ordinals
)
select
    period_key_of(ordinal),
    period_label(ordinal),
    fiscal_year,
    fiscal_year::varchar || '/' || lpad(((fiscal_year + 1) % 100)::varchar, 2, '0'),
    quarter,
    ordinal,
    start_date::date,
    (start_date + to_months(3) - to_days(1))::date
from quarters;

insert into dim_indicator
select
    row_number() over (order by i.indicator_ref, i.version) as indicator_key,
    i.indicator_ref, i.version, i.ni_code, i.title, t.theme_key,
    i.polarity, case i.polarity when 'LOWER_IS_BETTER' then -1 else 1 end,
    i.unit, i.accumulation, i.frequency, i.due_quarter,
    i.baseline_period_key, i.baseline_value, i.target_period_key, i.target_value, i.stretch_target_value,
    i.is_reward_target, o.officer_key, i.valid_from_key, i.valid_to_key, i.valid_to_key is null,
    i.source_file, i.source_line
from stage_indicator as i
join dim_theme as t on t.theme_name = i.theme
left join dim_officer as o on o.officer_name = i.responsible_officer;

insert into dim_commitment
with latest_text as (
    select *
    from stage_commitment
    qualify row_number() over (partition by commitment_ref, item order by return_period_key desc) = 1
)
select
    row_number() over (order by l.commitment_ref, l.item),
    l.commitment_ref, l.item, l.priority, l.achieve, o.officer_key,
    (select min(s.return_period_key) from stage_commitment s where s.commitment_ref = l.commitment_ref and s.item = l.item),
    (select max(s.return_period_key) from stage_commitment s where s.commitment_ref = l.commitment_ref and s.item = l.item)
from latest_text as l
left join dim_officer as o on o.officer_name = l.responsible_officer;

-- Plans: the register's for the whole authority (one per indicator version), each area's own
-- from area_targets.csv, and a plan with no targets for an area that has only explicit planned
-- values in trajectories.csv (from the indicator's first quarter).
insert into dim_plan
with plans as (
    select i.indicator_ref, '' as area_code, i.version, i.baseline_period_key, i.baseline_value,
           i.target_period_key, i.target_value, i.stretch_target_value, i.valid_from_key, i.valid_to_key,
           'register' as source, i.source_file, i.source_line
    from stage_indicator as i
    union all
    select p.indicator_ref, p.area_code, p.version, p.baseline_period_key, p.baseline_value,
           p.target_period_key, p.target_value, p.stretch_target_value, p.valid_from_key, p.valid_to_key,
           'area_targets', p.source_file, p.source_line
    from stage_area_plan as p
    union all
    select v.indicator_ref, v.area_code, 1, null, null, null, null, null,
           (select min(i.valid_from_key) from stage_indicator as i where i.indicator_ref = v.indicator_ref), null,
           'trajectories', any_value(v.source_file), min(v.source_line)
    from stage_planned_value as v
    where v.area_code <> ''
      and not exists (select 1 from stage_area_plan as p
                      where p.indicator_ref = v.indicator_ref and p.area_code = v.area_code)
    group by v.indicator_ref, v.area_code
)
select row_number() over (order by p.indicator_ref, a.area_key, p.valid_from_key), p.indicator_ref, a.area_key,
       p.version, p.baseline_period_key, p.baseline_value, p.target_period_key, p.target_value,
       p.stretch_target_value, p.valid_from_key, p.valid_to_key, p.source, p.source_file, p.source_line
from plans as p
join dim_area as a on a.area_code = p.area_code;
