package org.orchestratoree.analysis;

import static org.orchestratoree.analysis.TopologyFixture.NOW;

import java.time.Instant;
import org.orchestratoree.topology.BinlogSettings;
import org.orchestratoree.topology.CheckTimes;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicationThreadState;
import org.orchestratoree.topology.SemiSyncState;
import org.orchestratoree.topology.ServerVersion;

/** One instance's mutable description; every method returns it so changes chain. */
final class FixtureNode {
    final InstanceKey key;
    InstanceKey masterKey;
    boolean coMaster;
    ServerVersion version = ServerVersion.of("8.0.36", "MySQL Community Server - GPL");
    boolean readOnly;
    BinlogSettings binlog = new BinlogSettings(true, true, "ROW", "FULL");
    ReplicationThreadState io = ReplicationThreadState.RUNNING;
    ReplicationThreadState sql = ReplicationThreadState.RUNNING;
    int ioErrno;
    String ioError = "";
    Long secondsBehind = 0L;
    long sqlDelay;
    String gtidMode = "ON";
    String executedGtidSet;
    boolean oracleGtid = true;
    boolean mariaDbGtid;
    SemiSyncState semiSync = SemiSyncState.NONE;
    boolean reachable = true;
    boolean probeHanging;

    FixtureNode(InstanceKey key, InstanceKey masterKey, InstanceKey clusterMaster) {
        this.key = key;
        this.masterKey = masterKey;
        this.readOnly = masterKey != null;
        this.executedGtidSet = uuid(clusterMaster) + ":1-1250";
    }

    /** A stable, realistic-looking server_uuid per port. */
    static String uuid(InstanceKey key) {
        return String.format("3e11fa47-71ca-11e1-9e33-c80aa9%06d", key.port());
    }

    /** Our probes of it fail; the last good snapshot stays, as the repository keeps it. */
    FixtureNode unreachable() {
        reachable = false;
        return this;
    }

    /** The last probe succeeded but a newer one has been hanging for far longer than a poll interval. */
    FixtureNode probeHanging() {
        probeHanging = true;
        return this;
    }

    /** IO thread retrying ("Connecting") with the given client error, SQL thread idle but running. */
    FixtureNode failingToConnect(int errno, String message) {
        io = ReplicationThreadState.OTHER;
        ioErrno = errno;
        ioError = message;
        secondsBehind = null;
        return this;
    }

    /** MySQL 8.0's wording for a master that refuses connections. */
    FixtureNode cannotConnect() {
        return failingToConnect(2003, "error reconnecting to master 'repl@" + masterKey
                + "' - retry-time: 60 retries: 1 message: Can't connect to MySQL server on '" + masterKey
                + "' (111)");
    }

    /** STOP REPLICA by hand: both threads stopped, no error. */
    FixtureNode stopped() {
        io = ReplicationThreadState.STOPPED;
        sql = ReplicationThreadState.STOPPED;
        secondsBehind = null;
        ioErrno = 0;
        ioError = "";
        return this;
    }

    FixtureNode lagging(long seconds) {
        secondsBehind = seconds;
        return this;
    }

    FixtureNode delayed(long seconds) {
        sqlDelay = seconds;
        return this;
    }

    FixtureNode version(String v, String comment) {
        version = ServerVersion.of(v, comment);
        return this;
    }

    /** MariaDB 10.11 replicating with Using_Gtid=Slave_Pos (no gtid_mode, no server_uuid GTIDs). */
    FixtureNode mariaDb() {
        version = ServerVersion.of("10.11.6-MariaDB-log", "mariadb.org binary distribution");
        gtidMode = "";
        executedGtidSet = "";
        oracleGtid = false;
        mariaDbGtid = masterKey != null;
        return this;
    }

    FixtureNode readOnly(boolean value) {
        readOnly = value;
        return this;
    }

    FixtureNode binlog(BinlogSettings settings) {
        binlog = settings;
        return this;
    }

    FixtureNode gtid(String mode, String executed, boolean autoPosition) {
        gtidMode = mode;
        executedGtidSet = executed;
        oracleGtid = autoPosition;
        return this;
    }

    FixtureNode semiSync(SemiSyncState state) {
        semiSync = state;
        return this;
    }

    CheckTimes checks() {
        if (!reachable) {
            return new CheckTimes(NOW.minusSeconds(1), NOW.minusSeconds(31), NOW.minusSeconds(3), false, 0);
        }
        Instant attempted = probeHanging ? NOW.minusSeconds(1) : NOW.minusSeconds(2);
        Instant seen = probeHanging ? NOW.minusSeconds(20) : NOW.minusSeconds(1);
        return new CheckTimes(seen, seen, attempted, true, 4);
    }
}
