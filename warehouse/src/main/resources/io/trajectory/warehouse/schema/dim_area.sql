-- dim_area: one row per area a figure can be reported for; area_code '' is the whole authority.
-- Areas come from definitions/areas.csv (name, type, the area each lies within) and from the
-- returns (an area a return names but areas.csv does not list has its code for a name).
-- Key: area_key.
create table dim_area (
    area_key           integer primary key,
    area_code          varchar not null unique,
    area_name          varchar not null,
    is_whole_authority boolean not null,
    area_type          varchar not null,  -- 'whole authority', or areas.csv's area_type ('authority', 'district', ...), default 'area'
    parent_area_key    integer,           -- the area this one lies within; null = none given
    is_listed          boolean not null   -- listed in definitions/areas.csv
);
