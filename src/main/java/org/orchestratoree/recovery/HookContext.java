package org.orchestratoree.recovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orchestratoree.topology.InstanceKey;

/**
 * What a hook is told about a failure and its recovery, under orchestrator's placeholder names
 * ({@code {failedHost}}) and environment variables ({@code ORC_FAILED_HOST}).
 *
 * @param successor null until a successor is known
 * @param clusterDomain the cluster's domain name (DetectClusterDomainQuery), or ""
 * @param autoMasterRecovery whether RecoverMasterClusterFilters cover the cluster
 * @param autoIntermediateMasterRecovery whether RecoverIntermediateMasterClusterFilters cover the cluster
 */
public record HookContext(
        String failureType,
        String failureDescription,
        String command,
        InstanceKey failed,
        boolean isMaster,
        boolean isCoMaster,
        String clusterName,
        String clusterAlias,
        int countReplicas,
        List<InstanceKey> replicas,
        boolean isDowntimed,
        String orchestratorHost,
        String recoveryUid,
        InstanceKey successor,
        List<InstanceKey> lostReplicas,
        boolean successful,
        String clusterDomain,
        boolean autoMasterRecovery,
        boolean autoIntermediateMasterRecovery) {

    public HookContext {
        replicas = List.copyOf(replicas);
        lostReplicas = List.copyOf(lostReplicas);
        clusterDomain = clusterDomain == null ? "" : clusterDomain;
    }

    /** A context whose cluster details (domain, automated recoveries) are not known yet. */
    public HookContext(String failureType, String failureDescription, String command, InstanceKey failed,
                       boolean isMaster, boolean isCoMaster, String clusterName, String clusterAlias,
                       int countReplicas, List<InstanceKey> replicas, boolean isDowntimed, String orchestratorHost,
                       String recoveryUid, InstanceKey successor, List<InstanceKey> lostReplicas, boolean successful) {
        this(failureType, failureDescription, command, failed, isMaster, isCoMaster, clusterName, clusterAlias,
                countReplicas, replicas, isDowntimed, orchestratorHost, recoveryUid, successor, lostReplicas,
                successful, "", false, false);
    }

    public HookContext withOutcome(InstanceKey successorKey, List<InstanceKey> lost, boolean isSuccessful) {
        return new HookContext(failureType, failureDescription, command, failed, isMaster, isCoMaster, clusterName,
                clusterAlias, countReplicas, replicas, isDowntimed, orchestratorHost, recoveryUid, successorKey, lost,
                isSuccessful, clusterDomain, autoMasterRecovery, autoIntermediateMasterRecovery);
    }

    /** The cluster's domain and whether the recovery filters make its recoveries automated. */
    public HookContext withClusterDetails(String domain, boolean masterRecoveryAutomated,
                                          boolean intermediateMasterRecoveryAutomated) {
        return new HookContext(failureType, failureDescription, command, failed, isMaster, isCoMaster, clusterName,
                clusterAlias, countReplicas, replicas, isDowntimed, orchestratorHost, recoveryUid, successor,
                lostReplicas, successful, domain, masterRecoveryAutomated, intermediateMasterRecoveryAutomated);
    }

    /** Placeholder name (without braces) to value; legacy "slave" names included, as orchestrator has them. */
    public Map<String, String> placeholders() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("failureType", failureType);
        p.put("instanceType", isMaster ? "master" : isCoMaster ? "co-master" : "intermediate-master");
        p.put("isMaster", String.valueOf(isMaster));
        p.put("isCoMaster", String.valueOf(isCoMaster));
        p.put("failureDescription", failureDescription);
        p.put("command", command);
        p.put("failedHost", failed.hostname());
        p.put("failedPort", String.valueOf(failed.port()));
        p.put("failureCluster", clusterName);
        p.put("failureClusterAlias", clusterAlias);
        p.put("failureClusterDomain", clusterDomain);
        p.put("countReplicas", String.valueOf(countReplicas));
        p.put("countSlaves", String.valueOf(countReplicas));
        p.put("isDowntimed", String.valueOf(isDowntimed));
        p.put("autoMasterRecovery", String.valueOf(autoMasterRecovery));
        p.put("autoIntermediateMasterRecovery", String.valueOf(autoIntermediateMasterRecovery));
        p.put("orchestratorHost", orchestratorHost);
        p.put("recoveryUID", recoveryUid);
        p.put("replicaHosts", join(replicas));
        p.put("slaveHosts", join(replicas));
        p.put("isSuccessful", String.valueOf(successful));
        p.put("lostReplicas", join(lostReplicas));
        p.put("lostSlaves", join(lostReplicas));
        p.put("countLostReplicas", String.valueOf(lostReplicas.size()));
        p.put("successorHost", successor == null ? "" : successor.hostname());
        p.put("successorPort", successor == null ? "" : String.valueOf(successor.port()));
        p.put("successorAlias", successor == null ? "" : successor.toString());
        return p;
    }

    /** The same values as ORC_* environment variables: {@code failedHost} becomes {@code ORC_FAILED_HOST}. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        placeholders().forEach((name, value) -> env.put("ORC_" + name.replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase(java.util.Locale.ROOT), value));
        return env;
    }

    /** Replaces every {@code {placeholder}} in a hook command. */
    public String expand(String hook) {
        String result = hook;
        for (Map.Entry<String, String> e : placeholders().entrySet()) {
            result = result.replace("{" + e.getKey() + "}", e.getValue());
        }
        return result;
    }

    private static String join(List<InstanceKey> keys) {
        return String.join(",", keys.stream().map(InstanceKey::toString).toList());
    }
}
