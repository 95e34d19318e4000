package org.orchestratoree.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.orchestratoree.persistence.AuditRepository;
import org.orchestratoree.persistence.ClusterAliasRepository;

/** Applies the alias records on this node's backend, each audited. */
@ApplicationScoped
public class ClusterAliasService {

    private static final Logger LOG = Logger.getLogger(ClusterAliasService.class.getName());

    @Inject
    ClusterAliasRepository aliases;
    @Inject
    AuditRepository audit;

    public Void apply(SetClusterAliasCommand c) {
        aliases.setOverride(c.clusterName(), c.alias());
        audit.append("set-cluster-alias", null, c.clusterName(),
                "Cluster " + c.clusterName() + " now has alias '" + c.alias() + "'");
        return null;
    }

    public Void apply(HandOverAliasCommand c) {
        aliases.handOver(c.oldClusterName(), c.newClusterName(), c.alias());
        audit.append("hand-over-cluster-alias", null, c.newClusterName(), "Alias '" + c.alias()
                + "' handed over from cluster " + c.oldClusterName() + " to " + c.newClusterName());
        LOG.info("alias " + c.alias() + " moved from cluster " + c.oldClusterName() + " to " + c.newClusterName());
        return null;
    }
}
