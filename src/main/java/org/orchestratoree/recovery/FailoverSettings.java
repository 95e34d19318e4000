package org.orchestratoree.recovery;

import java.time.Duration;
import java.util.List;

/** The configuration a failover runs with, read once when it starts so that a reload cannot change it midway. */
public record FailoverSettings(
        PromotionConstraints constraints,
        boolean failIfSqlThreadNotUpToDate,
        boolean applyPromotion,
        Duration relayLogWait,
        List<String> preFailoverProcesses,
        List<String> postFailoverProcesses,
        List<String> postMasterFailoverProcesses,
        List<String> postIntermediateMasterFailoverProcesses,
        List<String> postUnsuccessfulFailoverProcesses) {

    public FailoverSettings {
        preFailoverProcesses = List.copyOf(preFailoverProcesses);
        postFailoverProcesses = List.copyOf(postFailoverProcesses);
        postMasterFailoverProcesses = List.copyOf(postMasterFailoverProcesses);
        postIntermediateMasterFailoverProcesses = List.copyOf(postIntermediateMasterFailoverProcesses);
        postUnsuccessfulFailoverProcesses = List.copyOf(postUnsuccessfulFailoverProcesses);
    }
}
