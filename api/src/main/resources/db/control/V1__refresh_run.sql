-- refresh_run: one row per refresh of the warehouse (scheduled after a sign-off, or asked for by
-- an admin): when it ran, how it ended and what it loaded. Key: id (a UUID). Plain types, so the
-- same DDL runs on the embedded DuckDB file and on PostgreSQL.
create table if not exists refresh_run (
    id                  varchar(36) primary key,
    trigger_kind        varchar(20) not null,   -- SCHEDULED (a sign-off changed) | REQUESTED (POST)
    requested_by        varchar(100),
    started_at          timestamp not null,
    ended_at            timestamp,
    outcome             varchar(20) not null,   -- RUNNING | PUBLISHED | UNCHANGED | FAILED
    rows_loaded         bigint,
    rows_quarantined    bigint,
    snapshot_version    integer,
    signoff_fingerprint varchar(64),            -- sha256 of the landing zone's signoff.json files
    message             varchar(4000)
)
