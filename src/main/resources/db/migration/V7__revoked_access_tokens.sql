-- Access tokens revoked before their expiry (RFC 7009, io.gatehouse.token.AccessTokenRevocations):
-- kept until they expire, so that every node refuses them, after a restart too.
create table gh_revoked_token (
    jti        varchar(64) not null primary key,
    expires_at ${instant}  not null
);
create index ix_revoked_token_expiry on gh_revoked_token (expires_at);
