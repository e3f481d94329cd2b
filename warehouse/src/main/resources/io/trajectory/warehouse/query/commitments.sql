-- commitments: the commitments report for one quarter (:period_key), optionally only one rating
-- (:rating; null = all). recorded_previous_rating is what the previous quarter's report said,
-- so a mismatch with stated_previous_rating (what this report claims) is visible.
select
    p.label as period,
    c.commitment_ref as ref,
    c.item,
    c.priority,
    c.achieve,
    o.officer_name as officer,
    f.rating,
    f.stated_previous_rating,
    sp.label as stated_previous_period,
    f.recorded_previous_rating,
    f.status_text,
    f.comment,
    f.section,
    f.is_provisional
from fact_commitment_return as f
join dim_commitment as c on c.commitment_key = f.commitment_key
join dim_period as p on p.period_key = f.period_key
left join dim_officer as o on o.officer_key = coalesce(f.officer_key, c.officer_key)
left join dim_period as sp on sp.period_key = f.stated_previous_period_key
where f.period_key = :period_key::integer
  and (:rating::varchar is null or f.rating = :rating::varchar)
order by c.commitment_ref, c.item
