-- MariaDB only (SchemaMigration adds this folder when the database is MariaDB), after the shared
-- V1..V5. Their portable TIMESTAMP is, on MariaDB, whole seconds ending in 2038 that may update
-- itself, and a table's default collation may be latin1 or ignore case and accents. So here:
-- - every time column becomes DATETIME(6): microseconds up to the year 9999, never set by the
--   server, read and written in the same zone as H2's and PostgreSQL's TIMESTAMP;
-- - every table becomes utf8mb4 (all of Unicode) with binary comparison, as on H2 and PostgreSQL:
--   e-mails are stored in lower case, so "zoe@" and "zoë@" stay two addresses;
-- - the database's default becomes the same, for the tables later migrations create.
-- Later shared migrations write the Flyway placeholder "instant" for a time column: datetime(6) here,
-- timestamp(6) elsewhere (SchemaMigration).

alter database character set utf8mb4 collate utf8mb4_nopad_bin;

alter table gh_organization convert to character set utf8mb4 collate utf8mb4_nopad_bin;
alter table gh_setting convert to character set utf8mb4 collate utf8mb4_nopad_bin;

alter table gh_user convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify locked_until    datetime(6) null,
    modify created_at      datetime(6) not null,
    modify last_login_at   datetime(6) null,
    modify last_failure_at datetime(6) null;

alter table gh_session convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify created_at   datetime(6) not null,
    modify last_seen_at datetime(6) not null,
    modify expires_at   datetime(6) not null;

alter table gh_api_key convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify created_at datetime(6) not null;

alter table gh_signing_key convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify created_at datetime(6) not null,
    modify retired_at datetime(6) null;

alter table gh_refresh_token convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify created_at datetime(6) not null,
    modify expires_at datetime(6) not null,
    modify revoked_at datetime(6) null,
    modify used_at    datetime(6) null;

alter table gh_application_token convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify created_at  datetime(6) not null,
    modify expiry_date datetime(6) null;

alter table gh_oauth_client convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify created_at datetime(6) not null;

alter table gh_one_time_password convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify created_at datetime(6) not null,
    modify expires_at datetime(6) not null,
    modify used_at    datetime(6) null;

alter table gh_audit_event convert to character set utf8mb4 collate utf8mb4_nopad_bin,
    modify event_time datetime(6) not null;
