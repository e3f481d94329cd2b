-- dim_commitment: one row per commitment item: a REF and the position of its "We Will Achieve"
-- line under that REF, as the reports list them. Key: commitment_key; natural key:
-- (commitment_ref, item). Text is as in the latest report that mentions it.
create table dim_commitment (
    commitment_key  integer primary key,
    commitment_ref  varchar not null,
    item            integer not null,
    priority        varchar,
    achieve         varchar,
    officer_key     integer references dim_officer (officer_key),
    first_period_key integer not null,
    last_period_key  integer not null,
    unique (commitment_ref, item)
);
