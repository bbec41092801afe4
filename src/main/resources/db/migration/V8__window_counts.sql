-- Per-address and per-client limits, counted once for the whole cluster (io.gatehouse.throttle):
-- hits per limit, subject and time slot (a tenth of the limit's window), deleted once they no
-- longer count.
create table gh_window_count (
    limiter    varchar(32) not null,
    subject    varchar(64) not null,
    slot       bigint      not null,
    hits       integer     not null,
    expires_ms bigint      not null,
    primary key (limiter, subject, slot)
);
create index ix_window_count_expiry on gh_window_count (expires_ms);
