package org.orchestratoree.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which cluster answers to which alias. Each cluster claims at most one alias, from the strongest source it has:
 * an operator's override ({@code set-cluster-alias}), then what its master's {@code DetectClusterAliasQuery}
 * answered, then an alias handed over by a failover or takeover, then {@code ClusterNameToAlias}. An alias has
 * one owner: when several clusters claim it, a cluster whose master is not lost in recovery and answers wins,
 * then the strongest source, then a writable master, then the most members. The others are known by
 * their name, as orchestrator names a cluster without an alias. A master that is lost in recovery or does
 * not answer loses to any other claim, whatever its source: so a dead master's leftover one-instance cluster
 * stops answering for the alias as soon as its successor's cluster claims it.
 */
public final class ClusterAliases {

    /**
     * What the aliases are computed from, besides the instances.
     *
     * @param overrides cluster name to an operator's alias
     * @param carried cluster name to the alias a failover or takeover handed to it
     * @param nameToAlias ClusterNameToAlias: cluster name, or a regex found in it, to alias
     * @param lostInRecovery instances downtimed {@code lost-in-recovery}: failed masters a recovery replaced
     */
    public record Sources(Map<String, String> overrides, Map<String, String> carried,
                          Map<String, String> nameToAlias, Set<InstanceKey> lostInRecovery) {
        public Sources {
            overrides = Map.copyOf(overrides);
            carried = Map.copyOf(carried);
            nameToAlias = new LinkedHashMap<>(nameToAlias);
            lostInRecovery = Set.copyOf(lostInRecovery);
        }

        public static Sources none() {
            return new Sources(Map.of(), Map.of(), Map.of(), Set.of());
        }
    }

    /** Where a claim comes from, strongest first. */
    enum Source { OVERRIDE, DETECTED, CARRIED, CONFIGURED }

    private record Claim(String cluster, String alias, Source source, Optional<Instance> head, int members) {
    }

    private ClusterAliases() {
    }

    /** The alias of every given cluster: its own name when it has none, or lost it to another cluster. */
    public static Map<String, String> resolve(Map<String, List<Instance>> clusters, Sources sources) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, List<Claim>> byAlias = new LinkedHashMap<>();
        clusters.forEach((name, members) -> {
            result.put(name, name);
            claim(name, members, sources).ifPresent(c -> byAlias.computeIfAbsent(c.alias(), a -> new ArrayList<>()).add(c));
        });
        Comparator<Claim> strongest = Comparator
                .comparing((Claim c) -> c.head().map(h -> sources.lostInRecovery().contains(h.key())).orElse(true))
                .thenComparing(c -> !c.head().map(h -> h.checks().lastCheckValid()).orElse(false))
                .thenComparing(Claim::source)
                .thenComparing(c -> c.head().map(h -> h.snapshot().readOnly()).orElse(true))
                .thenComparing(Comparator.comparingInt(Claim::members).reversed())
                .thenComparing(Claim::cluster);
        byAlias.forEach((alias, claims) -> result.put(claims.stream().min(strongest).orElseThrow().cluster(), alias));
        return result;
    }

    private static Optional<Claim> claim(String name, List<Instance> members, Sources sources) {
        Optional<Instance> head = head(name, members);
        String override = sources.overrides().get(name);
        if (isAlias(override, name)) {
            return Optional.of(new Claim(name, override, Source.OVERRIDE, head, members.size()));
        }
        Optional<String> detected = head.map(h -> h.snapshot().suggestedClusterAlias()).filter(a -> isAlias(a, name));
        if (detected.isPresent()) {
            return Optional.of(new Claim(name, detected.get(), Source.DETECTED, head, members.size()));
        }
        String carried = sources.carried().get(name);
        if (isAlias(carried, name)) {
            return Optional.of(new Claim(name, carried, Source.CARRIED, head, members.size()));
        }
        for (Map.Entry<String, String> e : sources.nameToAlias().entrySet()) {
            if ((e.getKey().equals(name) || matches(e.getKey(), name)) && isAlias(e.getValue(), name)) {
                return Optional.of(new Claim(name, e.getValue(), Source.CONFIGURED, head, members.size()));
            }
        }
        return Optional.empty();
    }

    /** The cluster's master: the member the cluster is named after, else one at depth 0. */
    private static Optional<Instance> head(String name, List<Instance> members) {
        return members.stream().filter(i -> i.key().toString().equals(name)).findFirst()
                .or(() -> members.stream().filter(i -> i.placement().replicationDepth() == 0).findFirst());
    }

    private static boolean isAlias(String alias, String clusterName) {
        return alias != null && !alias.isBlank() && !Objects.equals(alias, clusterName);
    }

    private static boolean matches(String regex, String text) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
