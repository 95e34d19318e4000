package org.orchestratoree.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.orchestratoree.topology.InstanceKey;

/** Instance key lists kept as orchestrator keeps them: one comma separated text column. */
final class KeyLists {

    private KeyLists() {
    }

    static String text(List<InstanceKey> keys) {
        return keys.stream().map(InstanceKey::toString).collect(Collectors.joining(","));
    }

    static List<InstanceKey> keys(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(InstanceKey::parse).toList();
    }

    /** Errors are kept one a line, as orchestrator's all_errors column. */
    static String lines(List<String> lines) {
        return String.join("\n", lines);
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
