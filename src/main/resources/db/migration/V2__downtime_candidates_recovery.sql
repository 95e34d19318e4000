-- Downtime, promotion candidates, failure detections and recoveries, the state failover reads and writes.
-- Times are epoch milliseconds (end_active_period_unixtime too, despite orchestrator's column name); 0 or
-- NULL where a time has not happened yet.
CREATE TABLE database_instance_downtime (
  hostname VARCHAR(128) NOT NULL,
  port INT NOT NULL,
  downtime_active TINYINT NOT NULL,
  begin_timestamp BIGINT NOT NULL,
  end_timestamp BIGINT NOT NULL,
  owner VARCHAR(128) NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (hostname, port)
);

CREATE TABLE candidate_database_instance (
  hostname VARCHAR(128) NOT NULL,
  port INT NOT NULL,
  promotion_rule VARCHAR(32) NOT NULL,
  last_suggested BIGINT NOT NULL,
  expires BIGINT NOT NULL,
  PRIMARY KEY (hostname, port)
);

-- One recovery in active period per instance: active_lock is 1 while in active period and NULL after, so
-- the unique key (NULLs never collide) makes a second registration a no-op.
CREATE TABLE topology_recovery (
  recovery_id ${AUTO_INCREMENT_KEY},
  uid VARCHAR(128) NOT NULL,
  hostname VARCHAR(128) NOT NULL,
  port INT NOT NULL,
  cluster_name VARCHAR(255) NOT NULL,
  cluster_alias VARCHAR(255) NOT NULL,
  analysis VARCHAR(128) NOT NULL,
  failure_description TEXT,
  count_affected_replicas INT NOT NULL,
  replica_hosts TEXT,
  is_active TINYINT NOT NULL,
  is_successful TINYINT NOT NULL,
  successor_hostname VARCHAR(128),
  successor_port INT,
  successor_alias VARCHAR(255),
  lost_replicas TEXT,
  participating_instances TEXT,
  all_errors TEXT,
  start_active_period BIGINT NOT NULL,
  end_active_period BIGINT NOT NULL,
  end_recovery BIGINT,
  acknowledged TINYINT NOT NULL,
  acknowledged_at BIGINT,
  acknowledged_by VARCHAR(128) NOT NULL,
  acknowledge_comment TEXT,
  last_detection_id BIGINT NOT NULL,
  processing_node_hostname VARCHAR(128) NOT NULL,
  active_lock TINYINT
);
CREATE UNIQUE INDEX topology_recovery_uid_idx ON topology_recovery (uid);
CREATE UNIQUE INDEX topology_recovery_active_idx ON topology_recovery (hostname, port, active_lock);
CREATE INDEX topology_recovery_cluster_idx ON topology_recovery (cluster_name);
CREATE INDEX topology_recovery_start_idx ON topology_recovery (start_active_period);

CREATE TABLE topology_recovery_steps (
  recovery_step_id ${AUTO_INCREMENT_KEY},
  recovery_uid VARCHAR(128) NOT NULL,
  audit_at BIGINT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX topology_recovery_steps_uid_idx ON topology_recovery_steps (recovery_uid);

-- One detection in active period per instance, with active_lock as for recoveries.
CREATE TABLE topology_failure_detection (
  detection_id ${AUTO_INCREMENT_KEY},
  hostname VARCHAR(128) NOT NULL,
  port INT NOT NULL,
  cluster_name VARCHAR(255) NOT NULL,
  cluster_alias VARCHAR(255) NOT NULL,
  analysis VARCHAR(128) NOT NULL,
  count_affected_replicas INT NOT NULL,
  is_actionable TINYINT NOT NULL,
  is_active TINYINT NOT NULL,
  start_active_period BIGINT NOT NULL,
  end_active_period_unixtime BIGINT NOT NULL,
  processing_node_hostname VARCHAR(128) NOT NULL,
  active_lock TINYINT
);
CREATE UNIQUE INDEX topology_failure_detection_active_idx ON topology_failure_detection (hostname, port, active_lock);
CREATE INDEX topology_failure_detection_alias_idx ON topology_failure_detection (cluster_alias);

CREATE TABLE blocked_topology_recovery (
  hostname VARCHAR(128) NOT NULL,
  port INT NOT NULL,
  cluster_name VARCHAR(255) NOT NULL,
  analysis VARCHAR(128) NOT NULL,
  last_blocked_timestamp BIGINT NOT NULL,
  blocking_recovery_id BIGINT NOT NULL,
  PRIMARY KEY (hostname, port)
);

-- A row here means recoveries are disabled globally (orchestrator's disable-global-recoveries).
CREATE TABLE global_recovery_disable (
  disable_recovery INT NOT NULL,
  disabled_at BIGINT NOT NULL,
  PRIMARY KEY (disable_recovery)
)
