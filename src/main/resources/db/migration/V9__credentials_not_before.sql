-- The instant before which no credential of the user counts any more (io.gatehouse.account.CredentialCheck):
-- set by a password change or reset, a lock, a disable and "sign out everywhere". Null: never revoked.
alter table gh_user add column credentials_not_before ${instant};
