-- Changes that other nodes' caches must hear of (io.gatehouse.cluster.ChangeFeed): written in the
-- transaction of the change itself, read by every other node four times a second, kept for an hour.
create sequence gh_cluster_change_seq start with 1 increment by 1;
create table gh_cluster_change (
    id         bigint        not null primary key,
    origin     varchar(36)   not null,
    topic      varchar(40)   not null,
    payload    varchar(4000) not null,
    changed_at ${instant}    not null
);
create index ix_cluster_change_at on gh_cluster_change (changed_at);
