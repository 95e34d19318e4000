package org.orchestratoree.kv;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node's application of a KV write did: the stores written and, by store name, the error of each
 * that failed.
 */
public record KvWriteReport(int pairCount, List<String> written, Map<String, String> failures)
        implements Serializable {

    public KvWriteReport {
        written = List.copyOf(written);
        failures = new LinkedHashMap<>(failures);
    }

    public static KvWriteReport nothing() {
        return new KvWriteReport(0, List.of(), Map.of());
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    /** One line for a recovery's steps, e.g. {@code kv: wrote 5 keys to internal, zk}. */
    public String describe() {
        StringBuilder line = new StringBuilder("kv: wrote " + pairCount + " keys to "
                + (written.isEmpty() ? "no store" : String.join(", ", written)));
        failures.forEach((store, error) -> line.append("; ").append(store).append(" failed: ").append(error));
        return line.toString();
    }
}
