-- Identity, sessions, API keys and settings. Portable SQL: H2 2.x, PostgreSQL, MariaDB 10.3+.

create sequence gh_organization_seq start with 1 increment by 1;
create table gh_organization (
    id   bigint       not null primary key,
    name varchar(200) not null
);

create sequence gh_user_seq start with 1 increment by 1;
create table gh_user (
    id              bigint       not null primary key,
    email           varchar(320) not null,
    phone           varchar(20),
    name            varchar(200) not null,
    user_role       varchar(32)  not null,
    organization_id bigint       not null references gh_organization (id),
    password_hash   varchar(255),
    status          varchar(16)  not null,
    failed_logins   integer      not null,
    locked_until    timestamp,
    created_at      timestamp    not null,
    last_login_at   timestamp,
    constraint uq_user_email unique (email),
    constraint uq_user_phone unique (phone)
);

-- A session key is stored only as its SHA-256.
create table gh_session (
    key_hash     varchar(64) not null primary key,
    user_id      bigint      not null references gh_user (id) on delete cascade,
    created_at   timestamp   not null,
    last_seen_at timestamp   not null,
    expires_at   timestamp   not null
);
create index ix_session_user on gh_session (user_id);

-- One API key per user: encrypted under the server key, found by a keyed hash.
create table gh_api_key (
    user_id       bigint       not null primary key references gh_user (id) on delete cascade,
    lookup_hash   varchar(64)  not null,
    encrypted_key varchar(255) not null,
    created_at    timestamp    not null,
    constraint uq_api_key_lookup unique (lookup_hash)
);

create table gh_setting (
    name          varchar(100)  not null primary key,
    setting_value varchar(1000) not null
);
