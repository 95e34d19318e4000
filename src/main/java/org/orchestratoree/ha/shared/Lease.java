package org.orchestratoree.ha.shared;

/**
 * This node's view of its own lease, on the monotonic clock. A renewal that succeeded makes the lead valid
 * until the lease would expire counted from the moment the renewal was sent (the backend stamped it later,
 * so every other node sees it expire after this node stops using it). Nothing but a later renewal extends it:
 * a renewal thread that hangs, a paused process, a failed write all end the lead by themselves.
 */
final class Lease {

    /** Covers a backend clock running slightly ahead of this one between renewal and take-over. */
    static final long SAFETY_MARGIN_NANOS = 250_000_000L;

    private final long expireNanos;
    private boolean held;
    private long validUntil;
    private long notBefore;

    Lease(long expireMillis) {
        this.expireNanos = expireMillis * 1_000_000L;
    }

    synchronized void renewed(long sentAtNanos) {
        held = true;
        validUntil = sentAtNanos + expireNanos - SAFETY_MARGIN_NANOS;
    }

    /** The lease is gone, or could not be renewed: no lead from now on. */
    synchronized boolean lost() {
        boolean was = held;
        held = false;
        return was;
    }

    /**
     * The lead does not start before the given moment even while the lease is held: after grab-election the
     * previous holder may still act until its own lease has run out.
     */
    synchronized void notBefore(long nanos) {
        notBefore = nanos;
    }

    synchronized boolean held() {
        return held;
    }

    synchronized boolean valid(long nowNanos) {
        return held && nowNanos - validUntil < 0 && nowNanos - notBefore >= 0;
    }

    long expireNanos() {
        return expireNanos;
    }
}
