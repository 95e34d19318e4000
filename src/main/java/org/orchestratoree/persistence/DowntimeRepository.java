package org.orchestratoree.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.orchestratoree.topology.Downtime;
import org.orchestratoree.topology.InstanceKey;

/**
 * {@code database_instance_downtime}: at most one downtime per instance; a new one replaces the old. Reads
 * filter on the end time, so an expired downtime is inert even before {@link #deleteExpired} removes it.
 */
public final class DowntimeRepository {

    private static final String SELECT = "SELECT hostname, port, begin_timestamp, end_timestamp, owner, reason "
            + "FROM database_instance_downtime WHERE downtime_active = 1 AND end_timestamp > ?";

    private final Backend backend;
    private final String upsert;

    public DowntimeRepository(Backend backend) {
        this.backend = backend;
        this.upsert = backend.dialect().upsert("database_instance_downtime", List.of("hostname", "port"),
                List.of("hostname", "port", "downtime_active", "begin_timestamp", "end_timestamp", "owner", "reason"));
    }

    public void begin(Downtime downtime) {
        Jdbc.update(backend, "begin downtime of " + downtime.key(), upsert, downtime.key().hostname(),
                downtime.key().port(), 1, downtime.begin().toEpochMilli(), downtime.end().toEpochMilli(),
                downtime.owner(), downtime.reason());
    }

    /** @return whether the instance was downtimed (expired entries count too: they are removed all the same) */
    public boolean end(InstanceKey key) {
        return Jdbc.update(backend, "end downtime of " + key,
                "DELETE FROM database_instance_downtime WHERE hostname = ? AND port = ?", key.hostname(),
                key.port()) > 0;
    }

    public Optional<Downtime> find(InstanceKey key, Instant now) {
        return Jdbc.query(backend, "read downtime of " + key, SELECT + " AND hostname = ? AND port = ?",
                DowntimeRepository::read, now.toEpochMilli(), key.hostname(), key.port()).stream().findFirst();
    }

    public List<Downtime> active(Instant now) {
        return Jdbc.query(backend, "read downtimes", SELECT + " ORDER BY hostname, port",
                DowntimeRepository::read, now.toEpochMilli());
    }

    public int deleteExpired(Instant now) {
        return Jdbc.update(backend, "expire downtimes",
                "DELETE FROM database_instance_downtime WHERE end_timestamp <= ?", now.toEpochMilli());
    }

    private static Downtime read(ResultSet rs) throws SQLException {
        return new Downtime(new InstanceKey(rs.getString("hostname"), rs.getInt("port")), rs.getString("owner"),
                rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("begin_timestamp")),
                Instant.ofEpochMilli(rs.getLong("end_timestamp")));
    }
}
