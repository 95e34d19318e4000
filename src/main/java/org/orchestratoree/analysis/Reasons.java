package org.orchestratoree.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.orchestratoree.topology.Instance;

/** Small wording helpers so that every reason names its witnesses the same way. */
final class Reasons {

    private Reasons() {
    }

    static String keys(List<Instance> instances) {
        return instances.stream().map(i -> i.key().toString()).collect(Collectors.joining(", "));
    }

    /** "1 replica" / "3 replicas". */
    static String replicas(int count) {
        return count + (count == 1 ? " replica" : " replicas");
    }

    /** "its only replica" / "all 3 of its replicas". */
    static String allOfIts(int count) {
        return count == 1 ? "its only replica" : "all " + count + " of its replicas";
    }

    static String verb(int count, String singular, String plural) {
        return count == 1 ? singular : plural;
    }

    /** "a is unreachable" / "a, b are unreachable". */
    static String unreachable(List<Instance> replicas) {
        return keys(replicas) + verb(replicas.size(), " is", " are") + " unreachable";
    }

    /** Opening shared by the "...AndSomeReplicas" findings: "X is unreachable, so is its replica a, and". */
    static String alsoUnreachable(String server, ReplicaGroup r) {
        List<Instance> down = r.unreachable();
        return server + " is unreachable, so" + verb(down.size(), " is its replica ", " are its replicas ")
                + keys(down) + ", and the other " + replicas(r.countValid());
    }

    /**
     * The replicas failing to connect with their evidence, grouped by evidence: "(IO errno 2003): a, b" when
     * they agree, "(IO errno 2003: a; IO errno 2013: b)" when they do not.
     */
    static String connectFailures(List<Instance> failing) {
        Map<String, List<Instance>> byEvidence = new LinkedHashMap<>();
        for (Instance replica : failing) {
            byEvidence.computeIfAbsent(MasterConnectionError.evidence(replica.snapshot().replication()),
                    e -> new ArrayList<>()).add(replica);
        }
        if (byEvidence.size() == 1) {
            Map.Entry<String, List<Instance>> only = byEvidence.entrySet().iterator().next();
            return "(" + only.getKey() + "): " + keys(only.getValue());
        }
        return byEvidence.entrySet().stream()
                .map(e -> e.getKey() + ": " + keys(e.getValue()))
                .collect(Collectors.joining("; ", "(", ")"));
    }

    /** Reachable replicas that stopped replicating without blaming the connection, with their thread states. */
    static String notConfirming(List<Instance> replicas) {
        return replicas.stream()
                .map(r -> r.key() + " (IO " + r.snapshot().replication().ioThread()
                        + ", SQL " + r.snapshot().replication().sqlThread() + ")")
                .collect(Collectors.joining(", "));
    }
}
