-- dim_area: one row per area a figure can be reported for; area_code '' is the whole authority.
-- Key: area_key.
create table dim_area (
    area_key           integer primary key,
    area_code          varchar not null unique,
    area_name          varchar not null,
    is_whole_authority boolean not null
);
