package org.orchestratoree.it;

/** The core scenarios on a MySQL-protocol backend: its own mariadbd, not part of any topology. */
class MySqlBackendDiscoveryIT extends DiscoveryScenarios {

    @Override
    int port() {
        return 3902;
    }

    @Override
    void prepareBackend() {
        Sandbox.backendUp();
        Sandbox.sql(Sandbox.BACKEND_PORT, "DROP DATABASE IF EXISTS orchestrator; CREATE DATABASE orchestrator");
    }

    @Override
    String backendConfig() {
        return "  \"BackendDB\": \"mysql\",\n  \"MySQLOrchestratorHost\": \"127.0.0.1\",\n"
                + "  \"MySQLOrchestratorPort\": " + Sandbox.BACKEND_PORT + ",\n"
                + "  \"MySQLOrchestratorDatabase\": \"orchestrator\",\n"
                + "  \"MySQLOrchestratorUser\": \"orc\",\n  \"MySQLOrchestratorPassword\": \"orc\",\n";
    }
}
