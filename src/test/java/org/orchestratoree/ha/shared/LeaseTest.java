package org.orchestratoree.ha.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeaseTest {

    private static final long MS = 1_000_000L;

    @Test
    void leadEndsBeforeTheBackendLetsAnotherNodeTakeOver() {
        Lease lease = new Lease(3000);
        long sent = 1_000 * MS;
        assertFalse(lease.valid(sent));
        lease.renewed(sent);
        assertTrue(lease.valid(sent + 2000 * MS));
        // the backend stamped the lease no earlier than it was sent: others take over after sent + 3000 ms
        assertFalse(lease.valid(sent + 3000 * MS - Lease.SAFETY_MARGIN_NANOS));
        assertFalse(lease.valid(sent + 3000 * MS));
    }

    @Test
    void aFailedRenewalEndsTheLeadAtOnce() {
        Lease lease = new Lease(3000);
        lease.renewed(0);
        assertTrue(lease.lost());
        assertFalse(lease.valid(MS));
        assertFalse(lease.lost());
    }

    @Test
    void aGrabbedLeaseLeadsOnlyOnceThePreviousHolderCannot() {
        Lease lease = new Lease(3000);
        lease.renewed(0);
        lease.notBefore(3000 * MS);
        assertFalse(lease.valid(1000 * MS));
        lease.renewed(2900 * MS);
        assertTrue(lease.valid(3000 * MS));
    }
}
