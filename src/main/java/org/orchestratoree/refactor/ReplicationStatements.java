package org.orchestratoree.refactor;

import java.util.ArrayList;
import java.util.List;
import org.orchestratoree.discovery.probe.ReplicationDialect;
import org.orchestratoree.topology.Flavor;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ServerVersion;

/**
 * The statements that change replication, per server family and version. They are chosen like the probe's
 * {@link ReplicationDialect}, with one more cut: MySQL 8.0.22 renamed STOP/START/RESET SLAVE but
 * CHANGE REPLICATION SOURCE TO only arrived in 8.0.23 (and 8.4 dropped CHANGE MASTER TO).
 */
public interface ReplicationStatements {

    static ReplicationStatements forVersion(ServerVersion version) {
        if (version.flavor() == Flavor.MARIADB) {
            return new Classic("MASTER_USE_GTID=slave_pos");
        }
        if (ReplicationDialect.atLeast(version.version(), 8, 0, 22)) {
            return new Modern(ReplicationDialect.atLeast(version.version(), 8, 0, 23));
        }
        return new Classic("MASTER_AUTO_POSITION=1");
    }

    String stopReplica();

    String startReplica();

    String stopIoThread();

    String startIoThread();

    String resetReplicaAll();

    /**
     * Points replication at a new master by GTID. User and password are not named, so the server keeps the
     * ones it has: operators never hand orchestrator the replication credentials.
     */
    String changeMasterTo(InstanceKey master);

    /**
     * Points replication at a new master by GTID with the given credentials: a demoted master has none of its
     * own to keep. Blank credentials fall back to {@link #changeMasterTo(InstanceKey)}.
     */
    default String changeMasterTo(InstanceKey master, String user, String password) {
        String statement = changeMasterTo(master);
        if (user == null || user.isBlank()) {
            return statement;
        }
        String prefix = this instanceof Modern m && m.replicationSource() ? "SOURCE" : "MASTER";
        return statement + ", " + prefix + "_USER=" + quote(user) + ", " + prefix + "_PASSWORD="
                + quote(password == null ? "" : password);
    }

    /**
     * Statements that set read_only. super_read_only (MySQL only) must be off before read_only can be
     * cleared, and setting it implies read_only, so it comes last when turning on.
     */
    static List<String> readOnly(boolean on, boolean hasSuperReadOnly) {
        List<String> statements = new ArrayList<>();
        if (on) {
            statements.add("SET GLOBAL read_only = 1");
            if (hasSuperReadOnly) {
                statements.add("SET GLOBAL super_read_only = 1");
            }
        } else {
            if (hasSuperReadOnly) {
                statements.add("SET GLOBAL super_read_only = 0");
            }
            statements.add("SET GLOBAL read_only = 0");
        }
        return statements;
    }

    /** A host name as an SQL string literal; keys are validated, escaping is a second line of defence. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** MariaDB and MySQL before 8.0.22: the Master/Slave vocabulary. */
    record Classic(String gtidOption) implements ReplicationStatements {
        @Override
        public String stopReplica() {
            return "STOP SLAVE";
        }

        @Override
        public String startReplica() {
            return "START SLAVE";
        }

        @Override
        public String stopIoThread() {
            return "STOP SLAVE IO_THREAD";
        }

        @Override
        public String startIoThread() {
            return "START SLAVE IO_THREAD";
        }

        @Override
        public String resetReplicaAll() {
            return "RESET SLAVE ALL";
        }

        @Override
        public String changeMasterTo(InstanceKey master) {
            return "CHANGE MASTER TO MASTER_HOST=" + quote(master.hostname()) + ", MASTER_PORT=" + master.port()
                    + ", " + gtidOption;
        }
    }

    /** MySQL 8.0.22 and later: the Source/Replica vocabulary. */
    record Modern(boolean replicationSource) implements ReplicationStatements {
        @Override
        public String stopReplica() {
            return "STOP REPLICA";
        }

        @Override
        public String startReplica() {
            return "START REPLICA";
        }

        @Override
        public String stopIoThread() {
            return "STOP REPLICA IO_THREAD";
        }

        @Override
        public String startIoThread() {
            return "START REPLICA IO_THREAD";
        }

        @Override
        public String resetReplicaAll() {
            return "RESET REPLICA ALL";
        }

        @Override
        public String changeMasterTo(InstanceKey master) {
            if (!replicationSource) {
                return "CHANGE MASTER TO MASTER_HOST=" + quote(master.hostname()) + ", MASTER_PORT="
                        + master.port() + ", MASTER_AUTO_POSITION=1";
            }
            return "CHANGE REPLICATION SOURCE TO SOURCE_HOST=" + quote(master.hostname()) + ", SOURCE_PORT="
                    + master.port() + ", SOURCE_AUTO_POSITION=1";
        }
    }
}
