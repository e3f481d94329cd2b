-- meta_return: one row per quarterly return known to the lake, with its sign-off.
create table meta_return (
    return_period_key integer primary key,
    folder            varchar not null,
    batch_id          varchar not null,   -- latest load
    loads             integer not null,   -- how many different versions of its indicator return were loaded
    is_signed_off     boolean not null,
    signed_off_by     varchar,
    signed_off_at     timestamp,
    is_published      boolean not null,
    is_provisional    boolean not null
);
