package org.orchestratoree.web;

import java.time.Instant;
import org.orchestratoree.topology.Instance;
import org.orchestratoree.topology.InstanceKey;
import org.orchestratoree.topology.ReplicaStatus;
import org.orchestratoree.topology.ReplicationThreadState;

/** One instance of a cluster as the cluster page shows it, with JavaBean getters for the views. */
public final class InstanceRow {

    private final Instance instance;

    public InstanceRow(Instance instance) {
        this.instance = instance;
    }

    public String getKey() {
        return instance.key().toString();
    }

    /** Empty for a master. */
    public String getMasterKey() {
        InstanceKey master = instance.snapshot().masterKey();
        return master == null ? "" : master.toString();
    }

    public int getDepth() {
        return instance.placement().replicationDepth();
    }

    public boolean isCoMaster() {
        return instance.placement().coMaster();
    }

    public String getVersion() {
        return instance.snapshot().version().shortVersion();
    }

    public boolean isReadOnly() {
        return instance.snapshot().readOnly();
    }

    public boolean isReplica() {
        return instance.snapshot().isReplica();
    }

    /** "yes", "no", another state's name, or empty for a master. */
    public String getIoThread() {
        ReplicaStatus r = instance.snapshot().replication();
        return r == null ? "" : thread(r.ioThread());
    }

    public String getSqlThread() {
        ReplicaStatus r = instance.snapshot().replication();
        return r == null ? "" : thread(r.sqlThread());
    }

    public boolean isReplicating() {
        ReplicaStatus r = instance.snapshot().replication();
        return r != null && r.replicating();
    }

    /** Seconds behind master; "null" when the server reports NULL, empty for a master. */
    public String getSecondsBehindMaster() {
        ReplicaStatus r = instance.snapshot().replication();
        if (r == null) {
            return "";
        }
        return r.secondsBehindMaster() == null ? "null" : Long.toString(r.secondsBehindMaster());
    }

    public boolean isLastCheckValid() {
        return instance.checks().lastCheckValid();
    }

    public Instant getLastChecked() {
        return instance.checks().lastChecked();
    }

    public String getLastSeen() {
        Instant seen = instance.checks().lastSeen();
        return seen == null ? "never" : seen.toString();
    }

    private static String thread(ReplicationThreadState state) {
        return switch (state) {
            case RUNNING -> "yes";
            case STOPPED -> "no";
            case NO_THREAD -> "none";
            case OTHER -> "connecting";
        };
    }
}
