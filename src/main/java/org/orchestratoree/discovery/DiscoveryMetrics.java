package org.orchestratoree.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters and recent latencies of probes and backend writes, for the status API and the benchmark.
 * Latencies are kept in fixed rings of the most recent samples, so memory stays constant.
 */
@ApplicationScoped
public class DiscoveryMetrics {

    private static final int SAMPLES = 4096;

    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final LatencyRing probeLatency = new LatencyRing(SAMPLES);
    private final LatencyRing writeLatency = new LatencyRing(SAMPLES);
    private final long startedNanos = System.nanoTime();

    public void probeSucceeded(Duration probe, Duration write) {
        probes.incrementAndGet();
        probeLatency.add(probe.toNanos());
        writeLatency.add(write.toNanos());
    }

    public void probeFailed(Duration probe) {
        probes.incrementAndGet();
        failures.incrementAndGet();
        probeLatency.add(probe.toNanos());
    }

    public Snapshot snapshot() {
        double uptime = (System.nanoTime() - startedNanos) / 1e9;
        return new Snapshot(probes.get(), failures.get(), uptime, probeLatency.percentileMillis(50),
                probeLatency.percentileMillis(99), writeLatency.percentileMillis(50), writeLatency.percentileMillis(99));
    }

    public record Snapshot(long probes, long failures, double uptimeSeconds, double probeP50Millis,
                           double probeP99Millis, double writeP50Millis, double writeP99Millis) {
    }

    static final class LatencyRing {
        private final long[] samples;
        private int next;
        private int size;

        LatencyRing(int capacity) {
            samples = new long[capacity];
        }

        synchronized void add(long nanos) {
            samples[next] = nanos;
            next = (next + 1) % samples.length;
            size = Math.min(size + 1, samples.length);
        }

        synchronized double percentileMillis(int percentile) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(samples, size);
            Arrays.sort(sorted);
            int index = Math.min(size - 1, (int) Math.ceil(percentile / 100.0 * size) - 1);
            return sorted[Math.max(index, 0)] / 1e6;
        }
    }
}
