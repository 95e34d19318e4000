package org.orchestratoree.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A graceful takeover to a named replica and back, with no MySQLReplicaUser configured: the demoted master
 * gets the topology's replication credentials, once from a {@code mysql.slave_master_info} table (MySQL's
 * master_info_repository=TABLE, which MariaDB lacks, so the test creates it as MySQL has it) and once from a
 * ReplicationCredentialsQuery. The plain takeover leaves the demoted master pointed and stopped until
 * {@code start-replica}; {@code -auto} starts it. The password shows nowhere: not in the API, the audit, the
 * recovery steps or the node's log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemotedMasterReplicatesIT {

    private final Sandbox.Site site = Sandbox.site();
    private final int m = site.port(1);
    private final int r1 = site.port(2);

    @AfterAll
    void restore() {
        site.recreate();
    }

    @Test
    void credentialsFromTheMasterInfoTable() throws IOException {
        site.recreate();
        String secret = "Tbl-s3cret-7";
        createReplicationUser("orcrepl", secret);
        site.sql(m, "CREATE TABLE mysql.slave_master_info (User_name VARCHAR(80), User_password VARCHAR(80))");
        site.sql(m, "INSERT INTO mysql.slave_master_info VALUES ('orcrepl', '" + secret + "')");
        awaitEverywhere("SELECT COUNT(*) FROM mysql.slave_master_info");
        roundTrip(4201, "", "mysql.slave_master_info on ", secret);
    }

    @Test
    void credentialsFromReplicationCredentialsQuery() throws IOException {
        site.recreate();
        String secret = "Qry-s3cret-9";
        createReplicationUser("orcrepl2", secret);
        site.sql(m, "CREATE DATABASE IF NOT EXISTS meta");
        site.sql(m, "CREATE TABLE meta.replication (u VARCHAR(80), p VARCHAR(80))");
        site.sql(m, "INSERT INTO meta.replication VALUES ('orcrepl2', '" + secret + "')");
        awaitEverywhere("SELECT COUNT(*) FROM meta.replication");
        roundTrip(4202, "  \"ReplicationCredentialsQuery\": \"SELECT u, p FROM meta.replication\",\n",
                "ReplicationCredentialsQuery on ", secret);
    }

    /** The instance JSON of a replica the node has seen with no lag. */
    private static final java.util.regex.Pattern CAUGHT_UP =
            java.util.regex.Pattern.compile("\"SecondsBehindMaster\":\\{\"Int64\":0,\"Valid\":true\\}");

    private void roundTrip(int port, String extraConfig, String origin, String secret) throws IOException {
        String config = "{\n  \"ListenAddress\": \":" + port + "\",\n"
                + "  \"SQLite3DataFile\": \"" + OrchestratorNode.NODE_DIR + "/orchestrator.sqlite3\",\n"
                + "  \"MySQLTopologyUser\": \"ci\",\n  \"MySQLTopologyPassword\": \"ci\",\n" + extraConfig
                + "  \"DiscoverByShowSlaveHosts\": true,\n  \"InstancePollSeconds\": 1\n}\n";
        OrchestratorNode node = OrchestratorNode.start(port, config);
        try {
            assertEquals(0, node.client("-c", "discover", "-i", site.key(1)).exitCode());
            awaitMaster(node, m);

            Processes.Result there = node.client("-c", "graceful-master-takeover", "-i", site.key(1), "-d",
                    site.key(2));
            assertEquals(0, there.exitCode(), there.stderr());
            assertEquals(site.key(2), there.out());
            assertEquals(site.key(2), node.client("-c", "which-master", "-i", site.key(1)).out(),
                    "the demoted master points at the new one");
            assertEquals("", node.client("-c", "is-replicating", "-i", site.key(1)).out(),
                    "a plain takeover leaves the demoted master stopped");
            assertFalse(site.replicatesFrom(m, r1));
            Processes.Result start = node.client("-c", "start-replica", "-i", site.key(1));
            assertEquals(0, start.exitCode(), start.stderr());
            // the way back is refused while the node has not yet seen the demoted master caught up
            OrchestratorNode.awaitTrue(Duration.ofSeconds(30), m + " replicates from " + r1 + ", no lag seen",
                    () -> site.replicatesFrom(m, r1)
                            && node.client("-c", "is-replicating", "-i", site.key(1)).out().equals(site.key(1))
                            && CAUGHT_UP.matcher(node.get("/api/instance/127.0.0.1/" + m).body()).find());
            awaitMaster(node, r1);

            Processes.Result back = node.client("-c", "graceful-master-takeover-auto", "-i", site.key(2), "-d",
                    site.key(1));
            assertEquals(0, back.exitCode(), back.stderr());
            assertEquals(site.key(1), back.out());
            OrchestratorNode.awaitTrue(Duration.ofSeconds(20), r1 + " replicates from " + m + " at once (-auto)",
                    () -> site.replicatesFrom(r1, m)
                            && node.client("-c", "is-replicating", "-i", site.key(2)).out().equals(site.key(2)));

            String recoveries = node.get("/api/audit-recovery").body();
            List<String> uids = java.util.regex.Pattern.compile("\"UID\":\"([^\"]+)\"").matcher(recoveries)
                    .results().map(r -> r.group(1)).toList();
            assertEquals(2, uids.size(), recoveries);
            StringBuilder everything = new StringBuilder(recoveries);
            for (String uid : uids) {
                String steps = node.get("/api/audit-recovery-steps/" + uid).body();
                assertTrue(steps.contains(origin), steps);
                everything.append(steps);
            }
            everything.append(node.get("/api/audit").body());
            for (int member = 1; member <= 4; member++) {
                everything.append(node.get("/api/instance/127.0.0.1/" + site.port(member)).body());
            }
            everything.append(node.log());
            assertFalse(everything.toString().contains(secret), "the password shows in the API, audit or log");
        } finally {
            node.close();
            Files.writeString(Path.of("target", "DemotedMasterReplicatesIT-" + port + "-node.log"), node.log());
        }
    }

    private void createReplicationUser(String user, String password) {
        for (String host : List.of("%", "127.0.0.1", "localhost")) {
            site.sql(m, "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
            site.sql(m, "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + user + "'@'" + host + "'");
        }
    }

    /** What the master wrote has replicated to every member. */
    private void awaitEverywhere(String countQuery) {
        OrchestratorNode.awaitTrue(Duration.ofSeconds(20), countQuery + " = 1 everywhere", () -> {
            for (int member = 1; member <= 4; member++) {
                try {
                    if (!site.sql(site.port(member), countQuery).equals("1")) {
                        return false;
                    }
                } catch (AssertionError e) {
                    return false; // the table has not replicated there yet
                }
            }
            return true;
        });
    }

    private void awaitMaster(OrchestratorNode node, int master) {
        String key = "127.0.0.1:" + master;
        OrchestratorNode.awaitTrue(Duration.ofSeconds(30), "node sees " + key + " as master of 3",
                () -> node.client("-c", "which-cluster-master", "-i", key).out().equals(key)
                        && node.client("-c", "which-replicas", "-i", key).lines().size() == 3
                        && node.get("/health/ready").status() == 200);
    }
}
