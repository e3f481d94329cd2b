-- meta_source_file: one row per landing-zone file per load: checksum, counts and lineage.
create table meta_source_file (
    batch_id          varchar not null,
    source_file       varchar not null,
    kind              varchar not null,   -- register | trajectories | indicator_return | commitments | signoff
    return_period_key integer,
    sha256            varchar not null,
    bytes             bigint not null,
    rows_read         bigint not null,
    rows_loaded       bigint not null,
    rows_quarantined  bigint not null,
    is_published      boolean not null,   -- its rows are in this snapshot
    loaded_at         timestamp not null
);
