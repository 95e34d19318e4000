package org.orchestratoree.topology;

import java.util.List;

/** Whether one server may replicate from another, with every reason it may not. */
public record ReplicationVerdict(List<String> reasons) {

    public ReplicationVerdict {
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return reasons.isEmpty();
    }

    /** The reasons joined for one error message; empty when allowed. */
    public String explanation() {
        return String.join("; ", reasons);
    }
}
