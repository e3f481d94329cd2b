-- dim_theme: one row per theme (block) of the agreement. Key: theme_key.
create table dim_theme (
    theme_key  integer primary key,
    theme_name varchar not null unique,
    sort_order integer not null
);
