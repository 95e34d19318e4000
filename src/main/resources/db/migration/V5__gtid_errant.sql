-- Errant GTIDs: MariaDB's per-(domain, server id) binlog state, the servers above each replica, and what the
-- replica has that its master lacks (orchestrator's ancestry_uuid and gtid_errant).
ALTER TABLE database_instance ADD COLUMN mariadb_gtid_binlog_state TEXT;
ALTER TABLE database_instance ADD COLUMN ancestry_uuid TEXT;
ALTER TABLE database_instance ADD COLUMN ancestry_server_ids TEXT;
ALTER TABLE database_instance ADD COLUMN gtid_errant TEXT;
