-- Aliases an operator set with set-cluster-alias; they take precedence over detected and configured ones and
-- follow the master on failover. cluster_alias (V1) now holds the aliases handed over by failovers.
CREATE TABLE cluster_alias_override (
  cluster_name VARCHAR(255) NOT NULL,
  alias VARCHAR(255) NOT NULL,
  last_registered BIGINT NOT NULL,
  PRIMARY KEY (cluster_name)
);
