package org.orchestratoree.ha;

import java.util.List;
import java.util.Optional;

/**
 * The consensus group behind a {@link Leadership}, for the operator's raft endpoints. Addresses are the
 * members' raft addresses ({@code host:port}, as in RaftNodes).
 */
public interface ConsensusGroup {

    /** This member's raft address (RaftAdvertise). */
    String advertise();

    /** This member's bind address (RaftBind). */
    String bind();

    /** {@code Leader}, {@code Follower} or {@code Candidate}. */
    String state();

    /** The leader's raft address, when one is known. */
    Optional<String> leaderAddress();

    /** The URL of the leader's API (its HTTPAdvertise), when known. */
    Optional<String> leaderUri();

    /** The members of the group, as configured and changed live. */
    List<String> peers();

    /** The members this one currently sees and that are part of the group. */
    List<String> healthyMembers();

    /** Whether this member is part of a quorum that has a leader. */
    boolean healthy();

    /** Asks the leader to hand leadership to {@code member} (or to a member whose address contains a hint). */
    void yieldTo(String member);

    /** Takes a snapshot of this member's state now, truncating its log. */
    void snapshot();

    /** Adds a member to the group, live; answers the normalised address. */
    String addPeer(String address);

    /** Removes a member from the group, live; answers the normalised address. */
    String removePeer(String address);
}
