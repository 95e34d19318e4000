package org.orchestratoree.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KvWriterTest {

    /** A store that can be switched off. */
    static final class FlakyStore implements KvStore {
        final Map<String, String> data = new HashMap<>();
        boolean down;

        @Override
        public String name() {
            return "zk";
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(data.get(key));
        }

        @Override
        public void put(List<KvPair> pairs) {
            if (down) {
                throw new KvStoreException("zk: down");
            }
            pairs.forEach(p -> data.put(p.key(), p.value()));
        }
    }

    private final FlakyStore zk = new FlakyStore();
    private final KvWriter writer = new KvWriter();

    KvWriterTest() {
        writer.stores = new KvStores() {
            @Override
            public List<KvStore> external() {
                return List.of(zk);
            }
        };
    }

    @Test
    void aFailedStoreIsReportedAndCaughtUpLaterWithTheNewestValue() {
        zk.down = true;
        KvWriteReport first = writer.apply(new WriteKvCommand(List.of(new KvPair("m/c", "a:1")), false));
        assertEquals(Map.of("zk", "zk: down"), first.failures());
        writer.apply(new WriteKvCommand(List.of(new KvPair("m/c", "b:1")), false));
        assertEquals(Map.of("zk", 1), writer.pendingCounts());
        zk.down = false;
        assertEquals(0, writer.retryPendingOf(List.of(new KvStoreStub())));
        assertEquals(1, writer.retryPendingOf(List.of(zk)));
        assertEquals("b:1", zk.data.get("m/c"));
        assertTrue(writer.pendingCounts().isEmpty());
    }

    @Test
    void aSuccessfulWriteClearsWhatWasPending() {
        zk.down = true;
        writer.apply(new WriteKvCommand(List.of(new KvPair("m/c", "a:1")), false));
        zk.down = false;
        KvWriteReport report = writer.apply(new WriteKvCommand(List.of(new KvPair("m/c", "b:1")), false));
        assertEquals(List.of("zk"), report.written());
        assertTrue(writer.pendingCounts().isEmpty());
    }

    static final class KvStoreStub implements KvStore {
        @Override
        public String name() {
            return "other";
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(List<KvPair> pairs) {
        }
    }
}
