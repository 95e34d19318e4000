package org.orchestratoree.it;

/** The core scenarios on the embedded SQLite backend, the default. */
class SqliteBackendDiscoveryIT extends DiscoveryScenarios {

    @Override
    int port() {
        return 3901;
    }

    @Override
    String backendConfig() {
        return "  \"BackendDB\": \"sqlite\",\n  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR
                + "/backend/orchestrator.sqlite3\",\n";
    }
}
