-- Shared-backend election (orchestrator's active_node): one row, anchor 1, holding the leader's identity and
-- its lease. The row exists from the start so that every election is one conditional UPDATE of it.
CREATE TABLE active_node (
  anchor TINYINT NOT NULL,
  hostname VARCHAR(128) NOT NULL,
  token VARCHAR(128) NOT NULL,
  http_address VARCHAR(255) NOT NULL,
  first_seen_active BIGINT NOT NULL,
  last_seen_active BIGINT NOT NULL,
  PRIMARY KEY (anchor)
);
INSERT INTO active_node (anchor, hostname, token, http_address, first_seen_active, last_seen_active)
  VALUES (1, '', '', '', 0, 0);

-- Where each node's API answers: several nodes of one host share a host name.
ALTER TABLE node_health ADD COLUMN http_address VARCHAR(255) NOT NULL DEFAULT '';
