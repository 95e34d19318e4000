package org.orchestratoree.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orchestratoree.topology.InstanceKey;

class MasterEntryTest {

    private final MasterEntry entry = new MasterEntry("mycluster", new InstanceKey("db1.local", 3307), "10.0.0.5", "");

    @Test
    void fivePairsUnderThePrefixAndAlias() {
        assertEquals(List.of(
                new KvPair("mysql/master/mycluster", "db1.local:3307"),
                new KvPair("mysql/master/mycluster/hostname", "db1.local"),
                new KvPair("mysql/master/mycluster/port", "3307"),
                new KvPair("mysql/master/mycluster/ipv4", "10.0.0.5"),
                new KvPair("mysql/master/mycluster/ipv6", "")), entry.pairs("mysql/master"));
    }

    @Test
    void prefixSlashesAreTrimmedAndBlankMeansTheDefault() {
        assertEquals("db/writer/mycluster", entry.pairs("/db/writer/").get(0).key());
        assertEquals("mysql/master/mycluster", entry.pairs(" ").get(0).key());
    }

    @Test
    void literalAddressesResolveWithoutDns() {
        assertEquals(new HostAddresses("127.0.0.1", ""), HostAddresses.resolve("127.0.0.1"));
        assertEquals(new HostAddresses("", "0:0:0:0:0:0:0:1"), HostAddresses.resolve("::1"));
        assertEquals(HostAddresses.NONE, HostAddresses.resolve("no-such-host.invalid"));
    }

    @Test
    void reportLineNamesStoresAndErrors() {
        assertEquals("kv: wrote 5 keys to internal, zk",
                new KvWriteReport(5, List.of("internal", "zk"), java.util.Map.of()).describe());
        assertEquals("kv: wrote 5 keys to internal; zk failed: down",
                new KvWriteReport(5, List.of("internal"), java.util.Map.of("zk", "down")).describe());
    }
}
