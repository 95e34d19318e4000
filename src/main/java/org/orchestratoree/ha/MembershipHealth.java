package org.orchestratoree.ha;

import java.util.List;

/**
 * How this node sees its HA group.
 *
 * @param healthy whether this node is a member of a group that can make progress
 * @param strategy {@code single-node}, {@code raft} or {@code shared-backend}
 * @param members the advertised addresses of the known members
 */
public record MembershipHealth(boolean healthy, String strategy, List<String> members) {
    public MembershipHealth {
        members = List.copyOf(members);
    }
}
