package org.orchestratoree.ha;

import java.util.Optional;

/**
 * The seam between the node and its HA strategy: who leads, whether this node does, how a change is
 * published to the group, and whether this node is a healthy member.
 */
public interface Leadership {

    boolean isLeader();

    /** The leader's advertised address ({@code host:port} of its HTTP API), when one is known. */
    Optional<String> leader();

    /**
     * Publishes a change. Only the leader may publish; the command is applied on every member and the result
     * of the local application is returned.
     *
     * @throws NotLeaderException when this node is not the leader
     */
    <R> R publish(Command<R> command);

    MembershipHealth health();

    /** Joins the HA group at start-up, once the backend is open; a node that cannot join stops. */
    default void join() {
    }

    /** Leaves the group at shutdown. */
    default void leave() {
    }

    /** The URL of the leader's API, for a follower to forward requests to; empty when unknown or alone. */
    default Optional<String> leaderUri() {
        return Optional.empty();
    }

    /** The consensus group, when this strategy runs one. */
    default Optional<ConsensusGroup> consensus() {
        return Optional.empty();
    }

    /** The leading node's identity, when this strategy elects one through shared state. */
    default Optional<ActiveNode> activeNode() {
        return Optional.empty();
    }

    /**
     * Whether load balancers should send this node requests ({@code /health/ready}); a member that cannot
     * take part in its group is not.
     */
    default boolean ready() {
        return true;
    }

    /** Takes the lead now (grab-election), where the strategy allows it. */
    default void grabElection() {
        throw new CommandFailedException("grab-election is not supported by this HA mode");
    }

    /** Gives the lead up so that the group elects again (reelect), where the strategy allows it. */
    default void reelect() {
        throw new CommandFailedException("reelect is not supported by this HA mode");
    }
}
