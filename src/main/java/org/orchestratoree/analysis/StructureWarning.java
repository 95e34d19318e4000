package org.orchestratoree.analysis;

/** Conditions that are not failures yet but would make a failover risky or impossible (orchestrator's names). */
public enum StructureWarning {
    /** More than one replica, none writing a binlog of what it replicates: nobody can take the others over. */
    NoLoggingReplicasStructureWarning,
    /** A replica runs a gtid_mode different from its master's. */
    DifferentGTIDModesStructureWarning,
    /** A replica executed transactions its master never had. */
    ErrantGTIDStructureWarning,
    /** More than one replica and neither GTID nor a binlog server lets them be re-pointed safely. */
    NoFailoverSupportStructureWarning,
    /** The master is read_only, so the cluster cannot take writes. */
    NoWriteableMasterStructureWarning,
    /** Semi-sync master fell back to async because too few semi-sync replicas acknowledge. */
    NotEnoughValidSemiSyncReplicasStructureWarning
}
