package org.orchestratoree.discovery.probe;

import java.util.Map;
import java.util.TreeMap;

/**
 * A result row keyed by column label, looked up case-insensitively because servers disagree on case
 * ({@code Server_id} vs {@code Server_Id}). Missing and SQL NULL values read as empty text.
 */
final class Row {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Row(Map<String, String> values) {
        if (values != null) {
            values.forEach((k, v) -> this.values.put(k, v));
        }
    }

    static Row of(Map<String, String> values) {
        return new Row(values);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean has(String column) {
        return values.containsKey(column);
    }

    /** The value, or "" when the column is missing or NULL. */
    String text(String column) {
        String v = values.get(column);
        return v == null ? "" : v;
    }

    /** The first column present among alternatives (old and new spellings of one value). */
    String text(String column, String alternative) {
        return has(column) ? text(column) : text(alternative);
    }

    long number(String column, long absent) {
        Long v = nullableNumber(column);
        return v == null ? absent : v;
    }

    /** Null for missing, NULL or non-numeric values (e.g. Seconds_Behind_Master while disconnected). */
    Long nullableNumber(String column) {
        String v = text(column).trim();
        if (v.isEmpty() || v.equalsIgnoreCase("NULL")) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ON/1/YES/TRUE, as servers print booleans in variables and status. */
    boolean flag(String column) {
        String v = text(column).trim();
        return v.equalsIgnoreCase("ON") || v.equals("1") || v.equalsIgnoreCase("YES")
                || v.equalsIgnoreCase("TRUE");
    }
}
