-- indicators: the current version of each indicator, filtered by theme (exact, case-insensitive)
-- and by a search text found in the reference, national code or title. Both filters are
-- optional: null means "any". Parameters: :theme, :q.
with current_version as (
    select i.*, t.theme_name, t.sort_order as theme_order, o.officer_name
    from dim_indicator as i
    join dim_theme as t on t.theme_key = i.theme_key
    left join dim_officer as o on o.officer_key = i.officer_key
    where i.is_current
),
filtered as (
    select *
    from current_version
    where (:theme::varchar is null or lower(theme_name) = lower(:theme))
      and (:q::varchar is null
           or contains(lower(indicator_ref), lower(:q))
           or contains(lower(coalesce(ni_code, '')), lower(:q))
           or contains(lower(title), lower(:q)))
)
select
    indicator_ref, ni_code, title, theme_name as theme, polarity, unit, accumulation,
    target_value, stretch_target_value, is_reward_target, officer_name as officer,
    version, frequency, due_quarter
from filtered
-- references in natural order (LAA 7.2 before LAA 7.10: digit runs compared as numbers)
order by theme_order, [case when regexp_full_match(part, '[0-9]+') then lpad(part, 20, '0') else part end
          for part in regexp_extract_all(indicator_ref, '[0-9]+|[^0-9]+')]
