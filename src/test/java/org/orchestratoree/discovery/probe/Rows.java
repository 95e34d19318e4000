package org.orchestratoree.discovery.probe;

import java.util.HashMap;
import java.util.Map;

/** Literal result rows for dialect tests; "NULL" stands for SQL NULL (a null map value). */
final class Rows {

    private Rows() {
    }

    static Map<String, String> row(String... labelsAndValues) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            String value = labelsAndValues[i + 1];
            row.put(labelsAndValues[i], "NULL".equals(value) ? null : value);
        }
        return row;
    }

    /** Copy of a row with some values replaced. */
    static Map<String, String> with(Map<String, String> base, String... labelsAndValues) {
        Map<String, String> row = new HashMap<>(base);
        row.putAll(row(labelsAndValues));
        return row;
    }

    /** SHOW SLAVE STATUS of a MariaDB 10.11 replica using GTID, as printed by a live server. */
    static Map<String, String> mariaDb1011Replica() {
        return row(
                "Slave_IO_State", "Waiting for master to send event",
                "Master_Host", "127.0.0.1", "Master_User", "ci", "Master_Port", "10211",
                "Connect_Retry", "60", "Master_Log_File", "mysql-bin.000001", "Read_Master_Log_Pos", "328",
                "Relay_Log_File", "p10212-relay-bin.000002", "Relay_Log_Pos", "627",
                "Relay_Master_Log_File", "mysql-bin.000001",
                "Slave_IO_Running", "Yes", "Slave_SQL_Running", "Yes",
                "Replicate_Do_DB", "", "Replicate_Ignore_DB", "", "Replicate_Do_Table", "",
                "Replicate_Ignore_Table", "", "Replicate_Wild_Do_Table", "", "Replicate_Wild_Ignore_Table", "",
                "Last_Errno", "0", "Last_Error", "", "Skip_Counter", "0", "Exec_Master_Log_Pos", "328",
                "Relay_Log_Space", "937", "Until_Condition", "None", "Seconds_Behind_Master", "0",
                "Last_IO_Errno", "0", "Last_IO_Error", "", "Last_SQL_Errno", "0", "Last_SQL_Error", "",
                "Replicate_Ignore_Server_Ids", "", "Master_Server_Id", "1",
                "Using_Gtid", "Slave_Pos", "Gtid_IO_Pos", "0-1-12", "Parallel_Mode", "optimistic",
                "SQL_Delay", "0", "SQL_Remaining_Delay", "NULL",
                "Slave_SQL_Running_State", "Slave has read all relay log; waiting for more updates");
    }

    /** SHOW SLAVE STATUS of a MySQL 5.7 replica with auto-positioning. */
    static Map<String, String> mySql57Replica() {
        return row(
                "Slave_IO_State", "Waiting for master to send event",
                "Master_Host", "db-a.example.com", "Master_User", "repl", "Master_Port", "3306",
                "Connect_Retry", "60", "Master_Log_File", "mysql-bin.000017", "Read_Master_Log_Pos", "98765",
                "Relay_Log_File", "relay-bin.000042", "Relay_Log_Pos", "4321",
                "Relay_Master_Log_File", "mysql-bin.000016", "Slave_IO_Running", "Yes",
                "Slave_SQL_Running", "Yes", "Replicate_Do_DB", "", "Replicate_Ignore_DB", "",
                "Replicate_Do_Table", "", "Replicate_Ignore_Table", "", "Replicate_Wild_Do_Table", "",
                "Replicate_Wild_Ignore_Table", "", "Last_Errno", "0", "Last_Error", "", "Skip_Counter", "0",
                "Exec_Master_Log_Pos", "12345", "Relay_Log_Space", "5000", "Seconds_Behind_Master", "7",
                "Last_IO_Errno", "0", "Last_IO_Error", "", "Last_SQL_Errno", "0", "Last_SQL_Error", "",
                "Master_Server_Id", "101", "Master_UUID", "3e11fa47-71ca-11e1-9e33-c80aa9429562",
                "SQL_Delay", "3600", "Retrieved_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5",
                "Executed_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5", "Auto_Position", "1",
                "Channel_Name", "");
    }

    /** SHOW REPLICA STATUS of a MySQL 8.4 replica with auto-positioning. */
    static Map<String, String> mySql84Replica() {
        return row(
                "Replica_IO_State", "Waiting for source to send event",
                "Source_Host", "10.0.0.11", "Source_User", "repl", "Source_Port", "3307",
                "Connect_Retry", "60", "Source_Log_File", "binlog.000003", "Read_Source_Log_Pos", "1500",
                "Relay_Log_File", "relay.000004", "Relay_Log_Pos", "900", "Relay_Source_Log_File", "binlog.000002",
                "Replica_IO_Running", "Yes", "Replica_SQL_Running", "Yes",
                "Replicate_Do_DB", "", "Replicate_Ignore_DB", "", "Replicate_Do_Table", "",
                "Replicate_Ignore_Table", "", "Replicate_Wild_Do_Table", "", "Replicate_Wild_Ignore_Table", "",
                "Last_Errno", "0", "Last_Error", "", "Skip_Counter", "0", "Exec_Source_Log_Pos", "1400",
                "Relay_Log_Space", "2000", "Seconds_Behind_Source", "2",
                "Last_IO_Errno", "0", "Last_IO_Error", "", "Last_SQL_Errno", "0", "Last_SQL_Error", "",
                "Source_Server_Id", "11", "Source_UUID", "8a94f357-aab4-11df-86ab-c80aa9429562",
                "SQL_Delay", "0", "SQL_Remaining_Delay", "NULL",
                "Retrieved_Gtid_Set", "8a94f357-aab4-11df-86ab-c80aa9429562:1-40",
                "Executed_Gtid_Set", "8a94f357-aab4-11df-86ab-c80aa9429562:1-40", "Auto_Position", "1",
                "Channel_Name", "");
    }
}
