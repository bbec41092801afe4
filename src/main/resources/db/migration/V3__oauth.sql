-- OAuth 2 clients, and what refresh token rotation needs.

-- A client secret is stored only as its SHA-256 (it is 240 random bits, so a fast hash suffices).
create table gh_oauth_client (
    client_id   varchar(64)  not null primary key,
    name        varchar(200) not null,
    secret_hash varchar(64)  not null,
    grant_types varchar(200) not null,
    scopes      varchar(1000),
    created_at  timestamp    not null
);

-- OAuth refresh tokens rotate: a used token is marked, and using it again revokes its family.
alter table gh_refresh_token add column client_id varchar(64);
alter table gh_refresh_token add column scope varchar(1000);
alter table gh_refresh_token add column used_at timestamp;
create index ix_refresh_token_family on gh_refresh_token (family_id);
