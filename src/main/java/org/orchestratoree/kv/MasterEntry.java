package org.orchestratoree.kv;

import java.util.ArrayList;
import java.util.List;
import org.orchestratoree.topology.InstanceKey;

/**
 * The KV entries that publish a cluster's master: {@code <prefix>/<alias>} = {@code host:port}, and below it
 * {@code /hostname}, {@code /port}, {@code /ipv4}, {@code /ipv6} (empty when the address has none).
 */
public record MasterEntry(String clusterAlias, InstanceKey master, String ipv4, String ipv6) {

    public List<KvPair> pairs(String prefix) {
        String base = trimSlashes(prefix) + "/" + clusterAlias;
        List<KvPair> pairs = new ArrayList<>();
        pairs.add(new KvPair(base, master.toString()));
        pairs.add(new KvPair(base + "/hostname", master.hostname()));
        pairs.add(new KvPair(base + "/port", String.valueOf(master.port())));
        pairs.add(new KvPair(base + "/ipv4", ipv4 == null ? "" : ipv4));
        pairs.add(new KvPair(base + "/ipv6", ipv6 == null ? "" : ipv6));
        return pairs;
    }

    static String trimSlashes(String prefix) {
        String p = prefix == null || prefix.isBlank() ? "mysql/master" : prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
