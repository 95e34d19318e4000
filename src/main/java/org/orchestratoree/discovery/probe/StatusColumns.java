package org.orchestratoree.discovery.probe;

/**
 * The column labels one dialect's replica-status statement uses. MySQL 8.0.22 renamed Master/Slave
 * columns to Source/Replica; MariaDB kept the old names even for SHOW REPLICA STATUS.
 */
record StatusColumns(
        String masterHost,
        String masterPort,
        String masterUuid,
        String ioRunning,
        String sqlRunning,
        String readFile,
        String readPos,
        String execFile,
        String execPos,
        String secondsBehind,
        String channelName) {

    /** MySQL before 8.0.22 and MariaDB (whose multi-source name column is Connection_name). */
    static StatusColumns slave(String channelName) {
        return new StatusColumns("Master_Host", "Master_Port", "Master_UUID", "Slave_IO_Running",
                "Slave_SQL_Running", "Master_Log_File", "Read_Master_Log_Pos", "Relay_Master_Log_File",
                "Exec_Master_Log_Pos", "Seconds_Behind_Master", channelName);
    }

    /** MySQL 8.0.22 and later. */
    static StatusColumns replica() {
        return new StatusColumns("Source_Host", "Source_Port", "Source_UUID", "Replica_IO_Running",
                "Replica_SQL_Running", "Source_Log_File", "Read_Source_Log_Pos", "Relay_Source_Log_File",
                "Exec_Source_Log_Pos", "Seconds_Behind_Source", "Channel_Name");
    }
}
