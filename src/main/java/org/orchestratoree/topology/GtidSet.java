package org.orchestratoree.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MySQL GTID set: per source, the transaction numbers it holds, as merged closed intervals. Understands
 * {@code uuid:1-5:7}, several comma separated sources, line breaks as servers print them, and 8.3+ tagged
 * GTIDs ({@code uuid:tag:1-3}). Immutable; {@link #toString()} prints the canonical form MySQL prints
 * (sources in order, intervals merged), so that two equal sets print the same.
 */
public final class GtidSet {

    private static final GtidSet EMPTY = new GtidSet(new TreeMap<>());

    /** Per source ({@code uuid}, or {@code uuid:tag}), sorted disjoint intervals as {first, last}. */
    private final TreeMap<String, List<long[]>> intervals;

    private GtidSet(TreeMap<String, List<long[]>> intervals) {
        this.intervals = intervals;
    }

    public static GtidSet empty() {
        return EMPTY;
    }

    /** Parses a set; malformed parts are ignored rather than failing the whole analysis. */
    public static GtidSet parse(String text) {
        TreeMap<String, List<long[]>> result = new TreeMap<>();
        if (text == null) {
            return EMPTY;
        }
        for (String source : text.replaceAll("\\s", "").split(",")) {
            String[] parts = source.split(":");
            if (parts.length < 2) {
                continue;
            }
            String uuid = parts[0].toLowerCase(Locale.ROOT);
            String sid = uuid;
            for (int i = 1; i < parts.length; i++) {
                long[] interval = interval(parts[i]);
                if (interval == null) {
                    sid = uuid + ":" + parts[i].toLowerCase(Locale.ROOT);
                } else if (interval[0] >= 1 && interval[0] <= interval[1]) {
                    result.computeIfAbsent(sid, k -> new ArrayList<>()).add(interval);
                }
            }
        }
        result.replaceAll((sid, list) -> merged(list));
        return new GtidSet(result);
    }

    private static long[] interval(String part) {
        try {
            int dash = part.indexOf('-');
            if (dash < 0) {
                long n = Long.parseLong(part);
                return new long[] {n, n};
            }
            return new long[] {Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return null; // a tag, not a number
        }
    }

    private static List<long[]> merged(List<long[]> list) {
        List<long[]> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] next : sorted) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && next[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], next[1]);
            } else {
                out.add(new long[] {next[0], next[1]});
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** True when some transaction of this set is not in {@code other}. */
    public boolean hasTransactionsNotIn(GtidSet other) {
        return !subtract(other).isEmpty();
    }

    /** The transactions of this set that {@code other} does not hold (MySQL's GTID_SUBTRACT). */
    public GtidSet subtract(GtidSet other) {
        TreeMap<String, List<long[]>> result = new TreeMap<>();
        intervals.forEach((sid, mine) -> {
            List<long[]> remaining = mine;
            for (long[] cut : other.intervals.getOrDefault(sid, List.of())) {
                remaining = cut(remaining, cut);
            }
            if (!remaining.isEmpty()) {
                result.put(sid, remaining);
            }
        });
        return new GtidSet(result);
    }

    private static List<long[]> cut(List<long[]> from, long[] cut) {
        List<long[]> out = new ArrayList<>();
        for (long[] i : from) {
            if (cut[1] < i[0] || cut[0] > i[1]) {
                out.add(i);
                continue;
            }
            if (i[0] < cut[0]) {
                out.add(new long[] {i[0], cut[0] - 1});
            }
            if (cut[1] < i[1]) {
                out.add(new long[] {cut[1] + 1, i[1]});
            }
        }
        return out;
    }

    /** This set without the transactions of the given server UUIDs (tagged ones included). */
    public GtidSet withoutSources(Collection<String> uuids) {
        TreeMap<String, List<long[]>> result = new TreeMap<>(intervals);
        for (String uuid : uuids) {
            String u = uuid.toLowerCase(Locale.ROOT);
            result.keySet().removeIf(sid -> sid.equals(u) || sid.startsWith(u + ":"));
        }
        return new GtidSet(result);
    }

    /** Every single GTID of the set, as {@code uuid:n} or {@code uuid:tag:n}, in order. */
    public List<String> gtids() {
        List<String> all = new ArrayList<>();
        intervals.forEach((sid, list) -> list.forEach(i -> {
            for (long n = i[0]; n <= i[1]; n++) {
                all.add(sid + ":" + n);
            }
        }));
        return all;
    }

    /** How many transactions the set holds. */
    public long count() {
        return intervals.values().stream().flatMap(List::stream).mapToLong(i -> i[1] - i[0] + 1).sum();
    }

    /** MySQL's form: {@code uuid:1-5:7[:tag:1-2],uuid2:...}; an untagged source before its tags. */
    @Override
    public String toString() {
        Map<String, StringBuilder> byUuid = new TreeMap<>();
        intervals.forEach((sid, list) -> {
            int colon = sid.indexOf(':');
            String uuid = colon < 0 ? sid : sid.substring(0, colon);
            StringBuilder text = byUuid.computeIfAbsent(uuid, StringBuilder::new);
            if (colon >= 0) {
                text.append(':').append(sid.substring(colon + 1));
            }
            list.forEach(i -> text.append(':').append(i[0]).append(i[0] == i[1] ? "" : "-" + i[1]));
        });
        return String.join(",", byUuid.values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GtidSet other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
