package org.orchestratoree.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.config.RecoverySettings;
import org.orchestratoree.topology.ClusterInfo;

class ClusterInfoJsonTest {

    private static final ClusterInfo CLUSTER = new ClusterInfo("127.0.0.1:10111", "ci", "ci.example.com", 4);

    private static RecoverySettings filters(List<String> master, List<String> intermediate) {
        return new RecoverySettings(60, 3600, 60, master, intermediate, 1, false);
    }

    @Test
    void automatedRecoveriesAreTheFiltersAnswer() {
        JsonObject json = ClusterResource.info(CLUSTER, filters(List.of("alias=ci"), List.of("10211")));
        assertTrue(json.getBoolean("HasAutomatedMasterRecovery"));
        assertFalse(json.getBoolean("HasAutomatedIntermediateMasterRecovery"));
        assertEquals("ci.example.com", json.getString("ClusterDomain"));

        json = ClusterResource.info(CLUSTER, filters(List.of(), List.of("*")));
        assertFalse(json.getBoolean("HasAutomatedMasterRecovery"));
        assertTrue(json.getBoolean("HasAutomatedIntermediateMasterRecovery"));
    }
}
