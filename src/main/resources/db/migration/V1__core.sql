-- Core tables. Names follow orchestrator's where they fit. Times are epoch milliseconds.
CREATE TABLE database_instance (
  hostname VARCHAR(128) NOT NULL,
  port INT NOT NULL,
  server_id BIGINT NOT NULL,
  server_uuid VARCHAR(64) NOT NULL,
  version VARCHAR(128) NOT NULL,
  version_comment VARCHAR(255) NOT NULL,
  read_only TINYINT NOT NULL,
  log_bin TINYINT NOT NULL,
  log_replica_updates TINYINT NOT NULL,
  binlog_format VARCHAR(16) NOT NULL,
  binlog_row_image VARCHAR(16) NOT NULL,
  binary_log_file VARCHAR(128) NOT NULL,
  binary_log_pos BIGINT NOT NULL,
  master_host VARCHAR(128) NOT NULL,
  master_port INT NOT NULL,
  master_uuid VARCHAR(64) NOT NULL,
  replica_io_state INT NOT NULL,
  replica_sql_state INT NOT NULL,
  last_io_errno INT NOT NULL,
  last_io_error TEXT,
  last_sql_errno INT NOT NULL,
  last_sql_error TEXT,
  seconds_behind_master BIGINT,
  sql_delay BIGINT NOT NULL,
  master_log_file VARCHAR(128) NOT NULL,
  read_master_log_pos BIGINT NOT NULL,
  relay_master_log_file VARCHAR(128) NOT NULL,
  exec_master_log_pos BIGINT NOT NULL,
  relay_log_file VARCHAR(128) NOT NULL,
  relay_log_pos BIGINT NOT NULL,
  using_gtid TINYINT NOT NULL,
  retrieved_gtid_set TEXT,
  has_replication_filters TINYINT NOT NULL,
  gtid_mode VARCHAR(32) NOT NULL,
  executed_gtid_set TEXT,
  gtid_purged TEXT,
  supports_oracle_gtid TINYINT NOT NULL,
  using_oracle_gtid TINYINT NOT NULL,
  using_mariadb_gtid TINYINT NOT NULL,
  mariadb_gtid_binlog_pos TEXT,
  mariadb_gtid_slave_pos TEXT,
  mariadb_gtid_current_pos TEXT,
  semi_sync_master_enabled TINYINT NOT NULL,
  semi_sync_replica_enabled TINYINT NOT NULL,
  semi_sync_master_status TINYINT NOT NULL,
  semi_sync_replica_status TINYINT NOT NULL,
  semi_sync_master_clients BIGINT NOT NULL,
  semi_sync_master_wait_count BIGINT NOT NULL,
  semi_sync_master_timeout BIGINT NOT NULL,
  replica_hosts TEXT,
  uptime BIGINT NOT NULL,
  data_center VARCHAR(64) NOT NULL,
  region VARCHAR(64) NOT NULL,
  physical_environment VARCHAR(64) NOT NULL,
  suggested_cluster_alias VARCHAR(255) NOT NULL,
  cluster_name VARCHAR(255) NOT NULL,
  replication_depth INT NOT NULL,
  is_co_master TINYINT NOT NULL,
  last_checked BIGINT,
  last_seen BIGINT,
  last_attempted_check BIGINT,
  last_check_valid TINYINT NOT NULL,
  last_discovery_latency_ms BIGINT NOT NULL,
  PRIMARY KEY (hostname, port)
);
CREATE INDEX database_instance_cluster_idx ON database_instance (cluster_name);
CREATE INDEX database_instance_master_idx ON database_instance (master_host, master_port);

CREATE TABLE cluster_alias (
  cluster_name VARCHAR(255) NOT NULL,
  alias VARCHAR(255) NOT NULL,
  last_registered BIGINT NOT NULL,
  PRIMARY KEY (cluster_name)
);

CREATE TABLE audit (
  audit_id ${AUTO_INCREMENT_KEY},
  audit_timestamp BIGINT NOT NULL,
  audit_type VARCHAR(128) NOT NULL,
  hostname VARCHAR(128) NOT NULL,
  port INT NOT NULL,
  cluster_name VARCHAR(255) NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX audit_timestamp_idx ON audit (audit_timestamp);
CREATE INDEX audit_host_idx ON audit (hostname, port);

CREATE TABLE node_health (
  hostname VARCHAR(128) NOT NULL,
  token VARCHAR(128) NOT NULL,
  last_seen_active BIGINT NOT NULL,
  first_seen_active BIGINT NOT NULL,
  app_version VARCHAR(64) NOT NULL,
  db_backend VARCHAR(255) NOT NULL,
  PRIMARY KEY (hostname, token)
);
