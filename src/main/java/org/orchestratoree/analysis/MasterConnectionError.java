package org.orchestratoree.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

/**
 * Tells whether a replica reports that it cannot reach its master. This is the replica's testimony the
 * holistic detection rests on: a master is only declared dead when the replicas that can still be asked
 * confirm they lost it too.
 */
final class MasterConnectionError {

    /** Client errors for "cannot connect", "unknown host", "server has gone away" and "lost connection". */
    private static final Set<Integer> CONNECT_ERRNOS = Set.of(2003, 2005, 2006, 2013);

    /** How MySQL up to 8.0.22, MariaDB and MySQL 8.0.23+ / 8.4 word a failed (re)connection to the source. */
    private static final List<String> CONNECT_PHRASES = List.of(
            "error connecting to master", "error reconnecting to master",
            "error connecting to source", "error reconnecting to source");

    private static final int MAX_QUOTED_ERROR = 60;

    private MasterConnectionError() {
    }

    /**
     * The IO thread is not running (stopped after giving up, or still "Connecting") and the last IO error is a
     * connection failure. A thread stopped by hand leaves no such error, so it does not count.
     */
    static boolean failingToConnect(ReplicaStatus replication) {
        if (replication == null) {
            return false;
        }
        ReplicationThreadState io = replication.ioThread();
        if (io != ReplicationThreadState.STOPPED && io != ReplicationThreadState.OTHER) {
            return false;
        }
        return CONNECT_ERRNOS.contains(replication.lastIoErrno()) || mentionsConnectFailure(replication.lastIoError());
    }

    static boolean mentionsConnectFailure(String lastIoError) {
        if (lastIoError == null || lastIoError.isEmpty()) {
            return false;
        }
        String text = lastIoError.toLowerCase(Locale.ROOT);
        return CONNECT_PHRASES.stream().anyMatch(text::contains);
    }

    /** Short evidence for a reason text: the errno when there is one, else the start of the message. */
    static String evidence(ReplicaStatus replication) {
        if (replication.lastIoErrno() != 0) {
            return "IO errno " + replication.lastIoErrno();
        }
        String error = replication.lastIoError() == null ? "" : replication.lastIoError();
        if (error.length() > MAX_QUOTED_ERROR) {
            error = error.substring(0, MAX_QUOTED_ERROR) + "...";
        }
        return "IO error \"" + error + "\"";
    }
}
