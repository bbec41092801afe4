-- JWT signing keys, emnify refresh tokens and application tokens.

-- emnify blocks an account for 5 minutes after 3 failed logins in a row: it needs the time of the last one.
alter table gh_user add column last_failure_at timestamp;

-- The private half is sealed under the server key; the public half is published at /.well-known/jwks.json.
create table gh_signing_key (
    kid                varchar(64)   not null primary key,
    algorithm          varchar(16)   not null,
    public_jwk         varchar(2000) not null,
    sealed_private_jwk varchar(4000) not null,
    created_at         timestamp     not null,
    retired_at         timestamp
);

-- A refresh token is a signed JWT; only the SHA-256 of its jti is stored, to revoke it.
create table gh_refresh_token (
    jti_hash   varchar(64) not null primary key,
    user_id    bigint      not null references gh_user (id) on delete cascade,
    family_id  varchar(64) not null,
    created_at timestamp   not null,
    expires_at timestamp   not null,
    revoked_at timestamp
);
create index ix_refresh_token_user on gh_refresh_token (user_id);

-- An application token is stored only as its SHA-256. Status 0 Activated, 1 Revoked.
create sequence gh_application_token_seq start with 1 increment by 1;
create table gh_application_token (
    id              bigint       not null primary key,
    token_hash      varchar(64)  not null,
    organization_id bigint       not null references gh_organization (id) on delete cascade,
    creator_id      bigint       references gh_user (id) on delete set null,
    description     varchar(500),
    created_at      timestamp    not null,
    expiry_date     timestamp,
    ip_range        varchar(64),
    status          integer      not null,
    constraint uq_application_token_hash unique (token_hash)
);
