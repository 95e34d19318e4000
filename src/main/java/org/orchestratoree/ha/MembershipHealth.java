package org.orchestratoree.ha;

import java.util.List;

/**
 * How this node sees its HA group.
 *
 * @param healthy whether this node is a member of a group that can make progress
 * @param strategy {@code single-node}, {@code raft} or {@code shared-backend}
 * @param members the advertised addresses of the known members
 * @param problem why this node is not healthy, in words for the operator; empty when healthy
 */
public record MembershipHealth(boolean healthy, String strategy, List<String> members, String problem) {
    public MembershipHealth {
        members = List.copyOf(members);
    }

    public MembershipHealth(boolean healthy, String strategy, List<String> members) {
        this(healthy, strategy, members, healthy ? "" : "not part of a healthy " + strategy + " group");
    }
}
