-- One-time passwords: at most one per user (a new send replaces the old), stored only as an
-- HMAC-SHA256 under a key derived from the server key: six digits under a plain hash would fall
-- to a brute force of a database dump in a moment.
create table gh_one_time_password (
    user_id         bigint      not null primary key references gh_user (id) on delete cascade,
    code_hash       varchar(64) not null,
    created_at      timestamp   not null,
    expires_at      timestamp   not null,
    failed_attempts integer     not null,
    used_at         timestamp
);
