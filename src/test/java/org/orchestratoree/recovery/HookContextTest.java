package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

class HookContextTest {

    private static final HookContext BARE = new HookContext("DeadMaster", "master is dead", "recover",
            InstanceKey.parse("127.0.0.1:10111"), true, false, "127.0.0.1:10111", "ci", 3, List.of(), false,
            "node1", "uid-1", null, List.of(), false);

    @Test
    void clusterDetailsReachPlaceholdersAndEnvironment() {
        HookContext c = BARE.withClusterDetails("ci.example.com", true, false);
        assertEquals("ci.example.com true false",
                c.expand("{failureClusterDomain} {autoMasterRecovery} {autoIntermediateMasterRecovery}"));
        assertEquals("ci.example.com", c.environment().get("ORC_FAILURE_CLUSTER_DOMAIN"));
        assertEquals("true", c.environment().get("ORC_AUTO_MASTER_RECOVERY"));
        assertEquals("false", c.environment().get("ORC_AUTO_INTERMEDIATE_MASTER_RECOVERY"));
    }

    @Test
    void aRecoveryNoFilterCoversIsNotAutomated() {
        assertEquals("false false ", BARE.expand("{autoMasterRecovery} {autoIntermediateMasterRecovery} "
                + "{failureClusterDomain}"));
    }

    @Test
    void theOutcomeKeepsTheClusterDetails() {
        HookContext done = BARE.withClusterDetails("d", false, true)
                .withOutcome(InstanceKey.parse("127.0.0.1:10112"), List.of(), true);
        assertEquals("d false true 10112", done.expand(
                "{failureClusterDomain} {autoMasterRecovery} {autoIntermediateMasterRecovery} {successorPort}"));
    }
}
