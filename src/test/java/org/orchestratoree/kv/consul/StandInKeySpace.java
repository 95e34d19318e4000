package org.orchestratoree.kv.consul;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One data center's KV store as Consul documents it: entries with CreateIndex/ModifyIndex taken from a raft
 * index that every write advances, check-and-set on ModifyIndex (0 = "only if absent"), and transactions that
 * apply all their operations or none. Empty values are kept as "no value" and shown as {@code null}, as Consul does.
 */
final class StandInKeySpace {

    record Entry(String key, byte[] value, long createIndex, long modifyIndex, long flags) {
        JsonObject json(boolean withValue) {
            JsonObjectBuilder kv = Json.createObjectBuilder()
                    .add("LockIndex", 0).add("Key", key).add("Flags", flags);
            if (withValue && value.length > 0) {
                kv.add("Value", Base64.getEncoder().encodeToString(value));
            } else {
                kv.addNull("Value");
            }
            return kv.add("CreateIndex", createIndex).add("ModifyIndex", modifyIndex).build();
        }
    }

    /** What a transaction did: per-operation results, or the errors that rolled it back; writes applied. */
    record TxnResult(List<JsonObject> results, List<JsonObject> errors, int writes) {
    }

    private TreeMap<String, Entry> entries = new TreeMap<>();
    private long index = 1;

    long index() {
        return index;
    }

    Entry get(String key) {
        return entries.get(key);
    }

    List<Entry> tree(String prefix) {
        return entries.subMap(prefix, true, prefix + Character.MAX_VALUE, true).values().stream().toList();
    }

    /** {@code cas} null = unconditional. Returns false when the check-and-set does not hold, as Consul does. */
    boolean put(String key, byte[] value, Long cas, long flags) {
        if (cas != null && !casHolds(entries, key, cas)) {
            return false;
        }
        index++;
        set(entries, key, value, flags, index);
        return true;
    }

    boolean delete(String key, boolean recurse, Long cas) {
        if (cas != null && !casHolds(entries, key, cas)) {
            return false;
        }
        index++;
        if (recurse) {
            entries.subMap(key, true, key + Character.MAX_VALUE, true).clear();
        } else {
            entries.remove(key);
        }
        return true;
    }

    /** Applies the KV operations to a copy, which replaces the live entries only when no operation failed. */
    TxnResult transaction(List<JsonObject> kvOps) {
        TreeMap<String, Entry> copy = new TreeMap<>(entries);
        long writeIndex = index + 1;
        List<JsonObject> results = new ArrayList<>();
        List<JsonObject> errors = new ArrayList<>();
        int writes = 0;
        for (int i = 0; i < kvOps.size(); i++) {
            JsonObject op = kvOps.get(i);
            String verb = op.getString("Verb", "");
            String key = op.getString("Key", "");
            byte[] value = !op.containsKey("Value") || op.isNull("Value")
                    ? new byte[0] : Base64.getDecoder().decode(op.getString("Value"));
            long flags = op.getJsonNumber("Flags") == null ? 0 : op.getJsonNumber("Flags").longValue();
            long opIndex = op.getJsonNumber("Index") == null ? 0 : op.getJsonNumber("Index").longValue();
            Entry existing = copy.get(key);
            String error = null;
            switch (verb) {
                case "set" -> {
                    results.add(set(copy, key, value, flags, writeIndex).json(false));
                    writes++;
                }
                case "cas" -> {
                    if (casHolds(copy, key, opIndex)) {
                        results.add(set(copy, key, value, flags, writeIndex).json(false));
                        writes++;
                    } else {
                        error = "failed to set key \"" + key + "\", index is stale";
                    }
                }
                case "get" -> {
                    if (existing == null) {
                        error = "key \"" + key + "\" doesn't exist";
                    } else {
                        results.add(existing.json(true));
                    }
                }
                case "get-or-empty" -> {
                    if (existing != null) {
                        results.add(existing.json(true));
                    }
                }
                case "get-tree" -> copy.subMap(key, true, key + Character.MAX_VALUE, true).values()
                        .forEach(e -> results.add(e.json(true)));
                case "check-not-exists" -> error = existing == null ? null : "key \"" + key + "\" exists";
                case "check-index" -> error = existing != null && existing.modifyIndex() == opIndex ? null
                        : "current modify index " + (existing == null ? 0 : existing.modifyIndex()) + " != " + opIndex;
                case "delete" -> {
                    copy.remove(key);
                    writes++;
                }
                case "delete-tree" -> {
                    copy.subMap(key, true, key + Character.MAX_VALUE, true).clear();
                    writes++;
                }
                case "delete-cas" -> {
                    if (casHolds(copy, key, opIndex)) {
                        copy.remove(key);
                        writes++;
                    } else {
                        error = "failed to delete key \"" + key + "\", index is stale";
                    }
                }
                default -> error = "unknown KV verb \"" + verb + "\"";
            }
            if (error != null) {
                errors.add(Json.createObjectBuilder().add("OpIndex", i).add("What", error).build());
            }
        }
        // results entries are keyed by operation; a rolled-back transaction returns none
        List<JsonObject> wrapped = results.stream().map(kv -> Json.createObjectBuilder().add("KV", kv).build()).toList();
        if (!errors.isEmpty()) {
            return new TxnResult(List.of(), errors, 0);
        }
        if (writes > 0) {
            entries = copy;
            index = writeIndex;
        }
        return new TxnResult(wrapped, List.of(), writes);
    }

    private static boolean casHolds(Map<String, Entry> entries, String key, long cas) {
        Entry existing = entries.get(key);
        return cas == 0 ? existing == null : existing != null && existing.modifyIndex() == cas;
    }

    private static Entry set(Map<String, Entry> entries, String key, byte[] value, long flags, long index) {
        Entry existing = entries.get(key);
        Entry entry = new Entry(key, value, existing == null ? index : existing.createIndex(), index, flags);
        entries.put(key, entry);
        return entry;
    }
}
