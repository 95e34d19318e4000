package org.orchestratoree.kv.consul;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orchestratoree.kv.KvPair;

/**
 * Groups KV pairs by cluster and packs the groups into Consul transactions, so that a proxy never sees half of
 * a cluster's new master entry ({@code host:port} from the new master, {@code /hostname} from the old one).
 */
final class ClusterKeyGroups {

    private ClusterKeyGroups() {
    }

    /**
     * A cluster's keys are its master key {@code <prefix>/<alias>} and the keys below it; a key is grouped under
     * the shortest key of the batch that it lies below (or stands alone). This needs no knowledge of the
     * configured prefix, only the layout every master entry has. Order of first appearance is kept.
     */
    static List<List<KvPair>> byCluster(List<KvPair> pairs) {
        List<String> keys = pairs.stream().map(KvPair::key).toList();
        Map<String, List<KvPair>> groups = new LinkedHashMap<>();
        for (KvPair pair : pairs) {
            groups.computeIfAbsent(groupKey(pair.key(), keys), k -> new ArrayList<>()).add(pair);
        }
        return new ArrayList<>(groups.values());
    }

    private static String groupKey(String key, List<String> keys) {
        String shortest = key;
        for (String candidate : keys) {
            if (candidate.length() < shortest.length() && key.startsWith(candidate + "/")) {
                shortest = candidate;
            }
        }
        return shortest;
    }

    /**
     * Packs whole groups into transactions of at most {@code maxOps} operations: a group goes into the current
     * transaction if it fits, otherwise it starts a new one. Only a group larger than a whole transaction is
     * split, since Consul would reject it anyway.
     */
    static List<List<KvPair>> pack(List<List<KvPair>> groups, int maxOps) {
        List<List<KvPair>> transactions = new ArrayList<>();
        List<KvPair> current = new ArrayList<>();
        for (List<KvPair> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            if (!current.isEmpty() && current.size() + group.size() > maxOps) {
                transactions.add(current);
                current = new ArrayList<>();
            }
            if (group.size() > maxOps) {
                for (int from = 0; from < group.size(); from += maxOps) {
                    transactions.add(new ArrayList<>(group.subList(from, Math.min(group.size(), from + maxOps))));
                }
                continue;
            }
            current.addAll(group);
        }
        if (!current.isEmpty()) {
            transactions.add(current);
        }
        return transactions;
    }
}
