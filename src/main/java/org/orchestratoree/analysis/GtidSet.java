package org.orchestratoree.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of a MySQL GTID set to answer "does this set hold transactions that one lacks", which is what
 * an errant transaction is. Understands {@code uuid:1-5:7}, several comma separated sources, line breaks as
 * servers print them, and 8.3+ tagged GTIDs ({@code uuid:tag:1-3}).
 */
public final class GtidSet {

    /** Per source (uuid, or uuid:tag), closed intervals of transaction numbers as {first, last}. */
    private final Map<String, List<long[]>> intervals;

    private GtidSet(Map<String, List<long[]>> intervals) {
        this.intervals = intervals;
    }

    /** Parses a set; malformed parts are ignored rather than failing the whole analysis. */
    public static GtidSet parse(String text) {
        Map<String, List<long[]>> result = new HashMap<>();
        if (text == null) {
            return new GtidSet(result);
        }
        for (String source : text.replaceAll("\\s", "").split(",")) {
            String[] parts = source.split(":");
            if (parts.length < 2) {
                continue;
            }
            String sid = parts[0].toLowerCase(Locale.ROOT);
            for (int i = 1; i < parts.length; i++) {
                long[] interval = interval(parts[i]);
                if (interval == null) {
                    sid = parts[0].toLowerCase(Locale.ROOT) + ":" + parts[i].toLowerCase(Locale.ROOT);
                } else {
                    result.computeIfAbsent(sid, k -> new ArrayList<>()).add(interval);
                }
            }
        }
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

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** True when some transaction of this set is not in {@code other}. */
    public boolean hasTransactionsNotIn(GtidSet other) {
        for (Map.Entry<String, List<long[]>> source : intervals.entrySet()) {
            List<long[]> covering = other.intervals.getOrDefault(source.getKey(), List.of());
            for (long[] wanted : source.getValue()) {
                if (!covered(wanted, covering)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Walks the wanted interval forward through whatever covers its next transaction number. */
    private static boolean covered(long[] wanted, List<long[]> covering) {
        long next = wanted[0];
        boolean progressed = true;
        while (next <= wanted[1] && progressed) {
            progressed = false;
            for (long[] c : covering) {
                if (c[0] <= next && next <= c[1]) {
                    next = c[1] + 1;
                    progressed = true;
                }
            }
        }
        return next > wanted[1];
    }
}
