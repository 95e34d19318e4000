package org.orchestratoree.recovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GtidCatchUpTest {

    @Test
    void mariaDbReplicaCoversTheMasterWhenEveryDomainIsAsFar() {
        assertTrue(GtidCatchUp.covers("0-1-15", "0-1-15", true));
        assertTrue(GtidCatchUp.covers("0-2-20,1-1-3", "0-1-15", true));
        assertFalse(GtidCatchUp.covers("0-1-14", "0-1-15", true));
        assertFalse(GtidCatchUp.covers("0-1-15", "0-1-15,1-1-1", true));
        assertTrue(GtidCatchUp.covers("0-1-1", "", true));
    }

    @Test
    void mySqlReplicaCoversTheMasterWhenItsSetContainsTheMasters() {
        String uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        assertTrue(GtidCatchUp.covers(uuid + ":1-10", uuid + ":1-10", false));
        assertTrue(GtidCatchUp.covers(uuid + ":1-12", uuid + ":1-10", false));
        assertFalse(GtidCatchUp.covers(uuid + ":1-9", uuid + ":1-10", false));
    }
}
