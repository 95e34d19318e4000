package org.orchestratoree.config;

import java.util.List;

/**
 * How a failover chooses and promotes, and which hooks it runs (orchestrator's keys, its defaults).
 *
 * @param replicaUser MySQLReplicaUser: replication credentials given to a demoted master, which has none of its
 *                    own, when the topology does not tell them; empty to keep what the server has
 * @param replicationCredentialsQuery ReplicationCredentialsQuery: a query whose first row's first two columns are
 *                    the replication user and password, run on the server that replicates; empty: not used
 * @param coMasterRecoveryMustPromoteOtherCoMaster a dead co-master is replaced by the other co-master or not at
 *                    all (orchestrator's default, true); false lets any replica be promoted when the other
 *                    co-master is read-only
 */
public record FailoverConfiguration(
        boolean preventCrossDataCenterMasterFailover,
        boolean preventCrossRegionMasterFailover,
        boolean failMasterPromotionIfSqlThreadNotUpToDate,
        int failMasterPromotionOnLagMinutes,
        boolean applyMySqlPromotionAfterMasterFailover,
        String processesShellCommand,
        List<String> onFailureDetectionProcesses,
        List<String> preFailoverProcesses,
        List<String> postFailoverProcesses,
        List<String> postMasterFailoverProcesses,
        List<String> postIntermediateMasterFailoverProcesses,
        List<String> postUnsuccessfulFailoverProcesses,
        List<String> preGracefulTakeoverProcesses,
        List<String> postGracefulTakeoverProcesses,
        String replicaUser,
        String replicaPassword,
        String replicationCredentialsQuery,
        boolean coMasterRecoveryMustPromoteOtherCoMaster) {

    public FailoverConfiguration {
        onFailureDetectionProcesses = List.copyOf(onFailureDetectionProcesses);
        preFailoverProcesses = List.copyOf(preFailoverProcesses);
        postFailoverProcesses = List.copyOf(postFailoverProcesses);
        postMasterFailoverProcesses = List.copyOf(postMasterFailoverProcesses);
        postIntermediateMasterFailoverProcesses = List.copyOf(postIntermediateMasterFailoverProcesses);
        postUnsuccessfulFailoverProcesses = List.copyOf(postUnsuccessfulFailoverProcesses);
        preGracefulTakeoverProcesses = List.copyOf(preGracefulTakeoverProcesses);
        postGracefulTakeoverProcesses = List.copyOf(postGracefulTakeoverProcesses);
        replicaUser = replicaUser == null ? "" : replicaUser;
        replicaPassword = replicaPassword == null ? "" : replicaPassword;
        replicationCredentialsQuery = replicationCredentialsQuery == null ? "" : replicationCredentialsQuery;
    }

    /** The same settings with no hooks: orchestrator's {@code recover-lite} and {@code skipProcesses}. */
    public FailoverConfiguration withoutProcesses() {
        return new FailoverConfiguration(preventCrossDataCenterMasterFailover, preventCrossRegionMasterFailover,
                failMasterPromotionIfSqlThreadNotUpToDate, failMasterPromotionOnLagMinutes,
                applyMySqlPromotionAfterMasterFailover, processesShellCommand, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), replicaUser, replicaPassword,
                replicationCredentialsQuery, coMasterRecoveryMustPromoteOtherCoMaster);
    }
}
