-- Facts, stored sorted by (indicator, area, period) so DuckDB's zone maps skip most of the
-- table for the common single-indicator and single-period filters.
insert into fact_indicator_return
with numbered as (
    select
        r.*,
        row_number() over w as revision,
        row_number() over w = count(*) over (partition by r.indicator_ref, r.area_code, r.period_key) as is_latest
    from stage_return as r
    window w as (partition by r.indicator_ref, r.area_code, r.period_key order by r.return_period_key, r.load_order)
)
select
    i.indicator_key, n.indicator_ref, n.period_key, a.area_key, n.return_period_key, n.batch_id,
    n.revision, n.is_latest, n.revision = 1,
    n.actual,
    coalesce(n.rag, 'NOT_AVAILABLE'),
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

insert into fact_trajectory
select t.indicator_ref, i.indicator_key, t.period_key, t.baseline_value, t.planned_value,
       t.stretch_planned_value, t.reward_threshold, t.is_explicit
from stage_trajectory as t
join dim_indicator as i
  on i.indicator_ref = t.indicator_ref
 and t.period_key >= i.valid_from_key
 and (i.valid_to_key is null or t.period_key < i.valid_to_key)
order by t.indicator_ref, t.period_key;

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
