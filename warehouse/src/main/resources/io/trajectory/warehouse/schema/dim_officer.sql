-- dim_officer: one row per responsible officer named in the register or a commitments report.
-- Key: officer_key.
create table dim_officer (
    officer_key  integer primary key,
    officer_name varchar not null unique
);
