package org.orchestratoree.topology;

/** Whether and how an instance writes its own binary log. */
public record BinlogSettings(boolean logBinEnabled, boolean logReplicaUpdates, String format, String rowImage) {
    public static final BinlogSettings NONE = new BinlogSettings(false, false, "", "");
}
