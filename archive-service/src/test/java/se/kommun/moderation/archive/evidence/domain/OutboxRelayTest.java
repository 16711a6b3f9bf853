package se.kommun.moderation.archive.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    /** An in-memory outbox: pending until marked published. */
    static final class MemoryStore implements OutboxRelay.Store {
        final Map<UUID, OutboxRelay.Pending> pending = new LinkedHashMap<>();
        final Map<UUID, String> errors = new LinkedHashMap<>();
        final List<UUID> published = new ArrayList<>();

        @Override
        public List<OutboxRelay.Pending> due(Instant now, int limit) {
            return pending.values().stream().limit(limit).toList();
        }

        @Override
        public void published(UUID eventId, Instant at) {
            pending.remove(eventId);
            published.add(eventId);
        }

        @Override
        public void failed(UUID eventId, String reason) {
            errors.put(eventId, reason);
        }
    }

    @Test
    void anEventStaysPendingWhileTheBrokerIsDownAndGoesOutOnceItIsBack() {
        MemoryStore store = new MemoryStore();
        OutboxRelay.Pending a = new OutboxRelay.Pending(UUID.randomUUID(), "web:site:a", "{a}");
        OutboxRelay.Pending b = new OutboxRelay.Pending(UUID.randomUUID(), "web:site:b", "{b}");
        store.pending.put(a.eventId(), a);
        store.pending.put(b.eventId(), b);
        List<String> sent = new ArrayList<>();
        boolean[] brokerUp = {false};
        OutboxRelay relay = new OutboxRelay(store, (key, payload) -> {
            if (!brokerUp[0]) {
                throw new java.util.concurrent.TimeoutException("no acknowledgement within 30 s");
            }
            sent.add(key);
        });

        assertThat(relay.relay(Instant.now(), 10)).isZero();
        // The first failure ends the run: the broker is down for the rest too.
        assertThat(store.pending).containsKeys(a.eventId(), b.eventId());
        assertThat(store.errors).containsOnlyKeys(a.eventId());
        assertThat(store.errors.get(a.eventId())).isEqualTo("TimeoutException: no acknowledgement within 30 s");

        brokerUp[0] = true;
        assertThat(relay.relay(Instant.now(), 10)).isEqualTo(2);
        assertThat(sent).containsExactly("web:site:a", "web:site:b");
        assertThat(store.pending).isEmpty();
        assertThat(store.published).containsExactly(a.eventId(), b.eventId());
        assertThat(relay.relay(Instant.now(), 10)).isZero();
    }
}
