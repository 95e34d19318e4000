package org.orchestratoree.recovery;

/**
 * When the next failure-detection pass is due: every {@code RecoveryPollSeconds} normally, and on every tick
 * while an urgent period runs (a master with replicas just stopped answering).
 */
final class AnalysisPace {

    private volatile long urgentUntil;
    private volatile long lastPass = Long.MIN_VALUE / 2;

    /** Starts (or extends) an urgent period that ends at {@code untilMillis}. */
    void urgentUntil(long untilMillis) {
        urgentUntil = untilMillis;
    }

    /** Whether a pass is due at {@code nowMillis} with the given regular interval. */
    boolean due(long nowMillis, long pollMillis) {
        return nowMillis < urgentUntil || nowMillis - lastPass >= pollMillis;
    }

    void passStarted(long nowMillis) {
        lastPass = nowMillis;
    }
}
