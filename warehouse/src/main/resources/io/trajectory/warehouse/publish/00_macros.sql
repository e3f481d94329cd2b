-- Period arithmetic as macros, kept in the snapshot so analysts can use them too.
-- ordinal = fiscal_year * 4 + quarter - 1; key = fiscal_year * 10 + quarter.
create macro period_ordinal(period_key) as (period_key // 10) * 4 + period_key % 10 - 1;
create macro period_key_of(ordinal) as (ordinal // 4) * 10 + ordinal % 4 + 1;
create macro period_label(ordinal) as
    (ordinal // 4)::varchar || '/' || lpad((((ordinal // 4) + 1) % 100)::varchar, 2, '0')
    || ' Q' || (ordinal % 4 + 1)::varchar;
