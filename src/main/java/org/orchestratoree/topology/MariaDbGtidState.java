package org.orchestratoree.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A MariaDB binlog GTID state ({@code @@gtid_binlog_state}, a Gtid_list event): for each replication domain
 * and originating server, the sequence number of the last GTID of that server in that domain. Unlike
 * {@code @@gtid_binlog_pos}, which keeps one GTID per domain and so forgets the master's entry as soon as a
 * replica writes one of its own, the state keeps every (domain, server) pair; it is what tells a replica's own
 * writes from the ones it replicated.
 *
 * <p>{@link #toString()} lists the entries by domain and, within a domain, by sequence number, so that the
 * newest of each domain comes last: the order {@code SET GLOBAL gtid_binlog_state} needs.
 */
public final class MariaDbGtidState {

    /** One (domain, server id) pair. */
    public record Source(long domain, long serverId) {
    }

    private final Map<Source, Long> last;

    private MariaDbGtidState(Map<Source, Long> last) {
        this.last = last;
    }

    /** Parses {@code d-s-n[,d-s-n...]} (brackets as in a Gtid_list event are allowed); bad parts are skipped. */
    public static MariaDbGtidState parse(String text) {
        Map<Source, Long> last = new LinkedHashMap<>();
        if (text != null) {
            for (String gtid : text.replaceAll("[\\s\\[\\]]", "").split(",")) {
                String[] parts = gtid.split("-");
                if (parts.length != 3) {
                    continue;
                }
                try {
                    Source source = new Source(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                    last.merge(source, Long.parseLong(parts[2]), Math::max);
                } catch (NumberFormatException e) {
                    // not a GTID; ignored like the MySQL parser ignores malformed parts
                }
            }
        }
        return new MariaDbGtidState(last);
    }

    public boolean isEmpty() {
        return last.isEmpty();
    }

    public Optional<Long> last(Source source) {
        return Optional.ofNullable(last.get(source));
    }

    public Collection<Source> sources() {
        return List.copyOf(last.keySet());
    }

    /**
     * The entries of this state that {@code other} lacks: a (domain, server) whose last sequence number here is
     * beyond the other's last one for that pair, or that the other does not have at all. Within one domain and
     * server sequence numbers only grow, so such an entry names transactions the other never had. Servers in
     * {@code ignoredServerIds} are left out.
     */
    public MariaDbGtidState notIn(MariaDbGtidState other, Collection<Long> ignoredServerIds) {
        Map<Source, Long> result = new LinkedHashMap<>();
        last.forEach((source, seq) -> {
            if (ignoredServerIds.contains(source.serverId())) {
                return;
            }
            Long theirs = other.last.get(source);
            if (theirs == null || theirs < seq) {
                result.put(source, seq);
            }
        });
        return new MariaDbGtidState(result);
    }

    /**
     * This state with the given pairs taken back to what {@code reference} holds for them (dropped when the
     * reference has none): the state a server would have had without the transactions those pairs name past
     * the reference.
     */
    public MariaDbGtidState rolledBackTo(MariaDbGtidState reference, Collection<Source> pairs) {
        Map<Source, Long> result = new LinkedHashMap<>(last);
        for (Source source : pairs) {
            Long theirs = reference.last.get(source);
            if (theirs == null) {
                result.remove(source);
            } else if (result.containsKey(source)) {
                result.put(source, Math.min(theirs, result.get(source)));
            }
        }
        return new MariaDbGtidState(result);
    }

    /**
     * A replication position (one GTID per domain, as {@code gtid_slave_pos}) with every GTID that is one of
     * {@code errant}'s transactions (beyond {@code master}'s last GTID of its pair) replaced by this state's
     * newest GTID of the same domain, or dropped when this state has none: where a replica that took errant
     * transactions from its master must resume once they are gone.
     */
    public MariaDbGtidState positionWithout(MariaDbGtidState position, MariaDbGtidState errant,
                                            MariaDbGtidState master) {
        Map<Source, Long> result = new LinkedHashMap<>();
        position.last.forEach((source, seq) -> {
            boolean isErrant = errant.last.containsKey(source) && seq > master.last.getOrDefault(source, 0L);
            if (!isErrant) {
                result.put(source, seq);
                return;
            }
            last.entrySet().stream().filter(e -> e.getKey().domain() == source.domain())
                    .max(Map.Entry.comparingByValue())
                    .ifPresent(e -> result.put(e.getKey(), e.getValue()));
        });
        return new MariaDbGtidState(result);
    }

    @Override
    public String toString() {
        List<Map.Entry<Source, Long>> entries = new ArrayList<>(last.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<Source, Long> e) -> e.getKey().domain())
                .thenComparing(Map.Entry::getValue).thenComparing(e -> e.getKey().serverId()));
        List<String> gtids = new ArrayList<>();
        entries.forEach(e -> gtids.add(e.getKey().domain() + "-" + e.getKey().serverId() + "-" + e.getValue()));
        return String.join(",", gtids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MariaDbGtidState other && last.equals(other.last);
    }

    @Override
    public int hashCode() {
        return last.hashCode();
    }
}
