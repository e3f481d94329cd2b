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

insert into dim_area
select row_number() over (order by area_code), area_code, area_name, area_code = ''
from (
    select '' as area_code, 'Whole authority' as area_name
    union
    select area_code, any_value(area_name) from stage_return where area_code <> '' group by area_code
) as a;

insert into dim_period
with bounds as (
    select min(k) as first_key, max(k) as last_key
    from (
        select unnest([baseline_period_key, target_period_key, valid_from_key]) as k from stage_indicator
        union all select period_key from stage_return
        union all select return_period_key from stage_return_load
        union all select period_key from stage_trajectory
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
    i.unit, i.accumulation,
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
