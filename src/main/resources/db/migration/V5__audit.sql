-- The audit log: authentication outcomes, appended in batches about a second after they happen.
-- Portable SQL: H2 2.x, PostgreSQL, MariaDB 10.3+. No foreign key to gh_user: a deleted user's
-- history stays. Never a password, key or token: only the user id and the name that was tried.

create sequence gh_audit_event_seq start with 1 increment by 1;
create table gh_audit_event (
    id         bigint       not null primary key,
    event_time timestamp(6) not null,
    user_id    bigint,
    username   varchar(320),
    scheme     varchar(40)  not null,
    outcome    varchar(16)  not null,
    reason     varchar(64),
    address    varchar(64)
);
-- Searches are newest first, by time window, and often for one user.
create index ix_audit_event_time on gh_audit_event (event_time);
create index ix_audit_event_user on gh_audit_event (user_id, event_time);
