package org.orchestratoree.config;

/**
 * The election of nodes sharing one MySQL backend.
 *
 * @param activeNodeExpireSeconds a leader that has not renewed its lease for this long is replaced
 *                                (ActiveNodeExpireSeconds; the lease is renewed every second)
 */
public record ElectionSettings(int activeNodeExpireSeconds) {

    /**
     * Three renewal periods: a leader keeps the lead through two late or lost renewals (a collection pause, a
     * Galera flow-control stall), and a dead one is replaced in about three seconds; orchestrator's five
     * seconds give about six.
     */
    public static final int DEFAULT_EXPIRE_SECONDS = 3;

    public long expireMillis() {
        return activeNodeExpireSeconds * 1000L;
    }
}
