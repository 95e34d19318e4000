package org.orchestratoree.ha.raft;

import org.orchestratoree.ha.Command;

/**
 * A new leader tells the group where its API is (HTTPAdvertise), so that followers can forward requests to
 * it and report RaftLeaderURI. Its commit also proves that the leader still leads.
 */
record LeaderAnnounced(String raftId, String httpAdvertise) implements Command<Void> {
    @Override
    public String name() {
        return "leader-announced";
    }
}
