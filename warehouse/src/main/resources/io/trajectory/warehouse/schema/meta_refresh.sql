-- meta_refresh: one row describing the load that built this snapshot.
create table meta_refresh (
    snapshot_version   integer not null,
    published_at       timestamp not null,
    fingerprint        varchar not null,  -- hash of the loads and options it was built from
    include_provisional boolean not null,
    latest_period_key  integer,
    batches            varchar not null,  -- committed lake batches used
    rows_loaded        bigint not null,
    rows_quarantined   bigint not null
);
