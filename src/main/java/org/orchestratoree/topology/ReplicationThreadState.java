package org.orchestratoree.topology;

/** State of a replication IO or SQL thread, with orchestrator's numeric codes. */
public enum ReplicationThreadState {
    NO_THREAD(-1), STOPPED(0), RUNNING(1), OTHER(2);

    private final int code;

    ReplicationThreadState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** From the text of {@code Slave_IO_Running}/{@code Replica_IO_Running} ("Yes", "No", "Connecting"). */
    public static ReplicationThreadState of(String running) {
        if (running == null || running.isEmpty()) {
            return NO_THREAD;
        }
        return switch (running) {
            case "Yes" -> RUNNING;
            case "No" -> STOPPED;
            default -> OTHER;
        };
    }
}
