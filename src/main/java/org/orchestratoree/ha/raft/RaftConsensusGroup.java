package org.orchestratoree.ha.raft;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.View;
import org.jgroups.raft.RaftHandle;
import org.orchestratoree.config.RaftSettings;
import org.orchestratoree.ha.CommandFailedException;
import org.orchestratoree.ha.ConsensusGroup;

/** The joined jgroups-raft group as the operator's raft endpoints see it: roles, members, health, snapshots. */
final class RaftConsensusGroup implements ConsensusGroup {

    private static final Logger LOG = Logger.getLogger(RaftConsensusGroup.class.getName());
    private static final long CHANGE_TIMEOUT_MILLIS = 10_000;

    private final RaftSettings settings;
    private final JChannel channel;
    private final RaftHandle handle;
    private final RaftStateMachine machine;

    RaftConsensusGroup(RaftSettings settings, JChannel channel, RaftHandle handle, RaftStateMachine machine) {
        this.settings = settings;
        this.channel = channel;
        this.handle = handle;
        this.machine = machine;
    }

    @Override
    public String advertise() {
        return settings.advertise();
    }

    @Override
    public String bind() {
        return settings.bind();
    }

    @Override
    public String state() {
        RaftHandle h = handle;
        if (h.isLeader()) {
            return "Leader";
        }
        return h.leader() != null ? "Follower" : "Candidate";
    }

    @Override
    public Optional<String> leaderAddress() {
        Address leader = handle.leader();
        return leader == null ? Optional.empty() : Optional.of(leader.toString());
    }

    @Override
    public Optional<String> leaderUri() {
        return leaderAddress().map(machine::apiUrl);
    }

    @Override
    public List<String> peers() {
        return List.copyOf(handle.raft().members());
    }

    @Override
    public List<String> healthyMembers() {
        View view = channel.getView();
        if (view == null) {
            return List.of();
        }
        List<String> peers = peers();
        return view.getMembers().stream().map(Address::toString).filter(peers::contains).sorted().toList();
    }

    @Override
    public boolean healthy() {
        RaftHandle h = handle;
        if (h.leader() == null) {
            return false;
        }
        List<String> seen = healthyMembers();
        return seen.size() >= h.raft().majority() && seen.contains(h.leader().toString());
    }

    @Override
    public void yieldTo(String member) {
        throw new CommandFailedException("raft-yield: jgroups-raft has no leadership transfer; "
                + "stop the leader's node to move leadership");
    }

    @Override
    public void snapshot() {
        try {
            handle.snapshot();
        } catch (Exception e) {
            throw new CommandFailedException("Cannot create snapshot: " + e);
        }
    }

    @Override
    public String addPeer(String address) {
        return changeMembers(address, true);
    }

    @Override
    public String removePeer(String address) {
        return changeMembers(address, false);
    }

    private String changeMembers(String address, boolean add) {
        String member = RaftSettings.normalise(address, settings.defaultPort());
        try {
            (add ? handle.addServer(member) : handle.removeServer(member)).get(CHANGE_TIMEOUT_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CommandFailedException(e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (Exception e) {
            throw new CommandFailedException(e.toString());
        }
        LOG.info("raft: " + (add ? "added " : "removed ") + member + "; members now " + peers());
        return member;
    }
}
