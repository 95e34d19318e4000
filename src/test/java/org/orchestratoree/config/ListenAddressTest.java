package org.orchestratoree.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void parsesPortOnlyAndHostPort() {
        assertEquals(new ListenAddress("", 3000), ListenAddress.parse(":3000"));
        assertEquals(new ListenAddress("127.0.0.1", 3001), ListenAddress.parse("127.0.0.1:3001"));
        assertEquals(new ListenAddress("[::]", 3000), ListenAddress.parse("[::]:3000"));
    }

    @Test
    void missingColonIsRejected() {
        assertEquals("ListenAddress = 'localhost' is not of the form [host]:port",
                assertThrows(ConfigurationException.class, () -> ListenAddress.parse("localhost")).getMessage());
        assertEquals("ListenAddress = 'null' is not of the form [host]:port",
                assertThrows(ConfigurationException.class, () -> ListenAddress.parse(null)).getMessage());
    }

    @Test
    void badPortIsRejected() {
        for (String bad : new String[] {":abc", ":0", ":65536", "host:", ":-1"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> ListenAddress.parse(bad));
            assertEquals("ListenAddress = '" + bad + "' has no valid port (1..65535)", e.getMessage());
        }
    }
}
