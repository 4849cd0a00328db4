-- Orleans cluster membership of CityScreen hosts (one row set per cluster id).
-- Every write to a member also bumps its cluster's version row in the same transaction, so a
-- host whose view of the cluster is stale cannot overwrite a newer decision (optimistic checks on
-- the etag columns).
CREATE TABLE cluster_versions (
    cluster_id  text PRIMARY KEY,
    version     integer NOT NULL,
    etag        integer NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cluster_members (
    cluster_id    text NOT NULL REFERENCES cluster_versions (cluster_id) ON DELETE CASCADE,
    silo_address  text NOT NULL,          -- ip:port@generation
    silo_name     text NOT NULL,
    host_name     text NOT NULL,
    status        smallint NOT NULL,      -- Orleans SiloStatus: 1 created ... 3 active ... 6 dead
    proxy_port    integer NOT NULL,       -- the gateway port, 0 when the host has none
    suspect_times jsonb NOT NULL DEFAULT '[]',
    start_time    timestamptz NOT NULL,
    i_am_alive    timestamptz NOT NULL,
    etag          integer NOT NULL,
    PRIMARY KEY (cluster_id, silo_address)
);
