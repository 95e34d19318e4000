package org.orchestratoree.persistence;

import java.util.List;

/** {@code global_recovery_disable}: a row present means every automated recovery is off, on every node. */
public final class GlobalRecoveryRepository {

    private final Backend backend;
    private final String upsert;

    public GlobalRecoveryRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("global_recovery_disable", List.of("disable_recovery"),
                List.of("disable_recovery", "disabled_at"));
    }

    public void disable() {
        Jdbc.update(backend, "disable global recoveries", upsert, 1, System.currentTimeMillis());
    }

    public void enable() {
        Jdbc.update(backend, "enable global recoveries", "DELETE FROM global_recovery_disable");
    }

    public boolean isDisabled() {
        return !Jdbc.query(backend, "read global recovery flag", "SELECT disable_recovery FROM global_recovery_disable",
                rs -> rs.getInt(1)).isEmpty();
    }
}
