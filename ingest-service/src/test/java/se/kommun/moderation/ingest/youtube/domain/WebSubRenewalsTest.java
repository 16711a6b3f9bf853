package se.kommun.moderation.ingest.youtube.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a WebSub subscription is sent, renewed, retried or cancelled; time is an argument throughout. */
class WebSubRenewalsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Duration FIVE_DAYS = Duration.ofDays(5);

    private static Map<String, WebSubLease> leases(WebSubLease... leases) {
        Map<String, WebSubLease> byChannel = new LinkedHashMap<>();
        for (WebSubLease lease : leases) {
            byChannel.put(lease.channelId(), lease);
        }
        return byChannel;
    }

    private static WebSubLease granted(String channel, Instant from, Duration lease) {
        return new WebSubLease(channel, from, from.plus(lease), null);
    }

    @Test
    void aChannelWithoutASubscriptionIsSubscribed() {
        assertThat(WebSubRenewals.due(List.of("UCa", "UCb"), leases(), T0))
                .containsExactly(WebSubRequest.subscribe("UCa"), WebSubRequest.subscribe("UCb"));
    }

    @Test
    void aLeaseIsRenewedAtEightyPercentAndNotBefore() {
        WebSubLease lease = granted("UCa", T0, Duration.ofSeconds(432000));
        Instant renewAt = T0.plusSeconds(345600);

        assertThat(lease.renewAt()).isEqualTo(renewAt);
        assertThat(WebSubRenewals.due(List.of("UCa"), leases(lease), renewAt.minusSeconds(1))).isEmpty();
        assertThat(WebSubRenewals.due(List.of("UCa"), leases(lease), renewAt))
                .containsExactly(WebSubRequest.subscribe("UCa"));
        assertThat(WebSubRenewals.due(List.of("UCa"), leases(lease), T0.plus(Duration.ofDays(30))))
                .as("a lease that ran out is renewed too").containsExactly(WebSubRequest.subscribe("UCa"));
    }

    @Test
    void aShorterLeaseGrantedByTheHubIsRenewedEarlier() {
        WebSubLease lease = granted("UCa", T0, Duration.ofSeconds(1000));

        assertThat(WebSubRenewals.due(List.of("UCa"), leases(lease), T0.plusSeconds(799))).isEmpty();
        assertThat(WebSubRenewals.due(List.of("UCa"), leases(lease), T0.plusSeconds(800))).hasSize(1);
    }

    @Test
    void aFailedRequestIsRetriedAtTheNextCheckEvenWithinAValidLease() {
        WebSubLease failedRenewal = new WebSubLease("UCa", T0, T0.plus(FIVE_DAYS), "HTTP 500");
        WebSubLease neverGranted = new WebSubLease("UCb", null, null, "HttpTimeoutException");

        assertThat(WebSubRenewals.due(List.of("UCa", "UCb"), leases(failedRenewal, neverGranted), T0.plusSeconds(60)))
                .containsExactly(WebSubRequest.subscribe("UCa"), WebSubRequest.subscribe("UCb"));
    }

    @Test
    void aChannelNoLongerOursIsUnsubscribedUntilTheHubAccepts() {
        WebSubLease kept = granted("UCkept", T0, FIVE_DAYS);
        WebSubLease closed = granted("UCclosed", T0, FIVE_DAYS);
        WebSubLease closedAndFailed = new WebSubLease("UCfailed", T0, T0.plus(FIVE_DAYS), "HTTP 503");

        assertThat(WebSubRenewals.due(List.of("UCkept"), leases(kept, closed, closedAndFailed), T0.plusSeconds(1)))
                .containsExactly(WebSubRequest.unsubscribe("UCclosed"), WebSubRequest.unsubscribe("UCfailed"));
    }

    @Test
    void theSubscriberStoresAcceptedRequestedAndGrantedLeasesAndRetriesFailures() {
        InMemoryLeases store = new InMemoryLeases();
        ScriptedHub hub = new ScriptedHub();
        WebSubSubscriber subscriber = new WebSubSubscriber(hub, store, FIVE_DAYS);

        hub.answers.add(202);
        hub.answers.add(500);
        List<WebSubSubscriber.Outcome> first = subscriber.check(List.of("UCa", "UCb"), T0);

        assertThat(first).extracting(WebSubSubscriber.Outcome::error).containsExactly(null, "HTTP 500");
        assertThat(store.leases.get("UCa")).isEqualTo(granted("UCa", T0, FIVE_DAYS));
        assertThat(store.leases.get("UCb")).isEqualTo(new WebSubLease("UCb", null, null, "HTTP 500"));

        // The hub's verification grants a shorter lease than asked for: renewal follows that one.
        Instant verifiedAt = T0.plusSeconds(2);
        subscriber.verified("UCa", Optional.of(Duration.ofSeconds(1000)), verifiedAt);
        hub.answers.add(204);
        assertThat(subscriber.check(List.of("UCa", "UCb"), verifiedAt.plusSeconds(799)))
                .extracting(WebSubSubscriber.Outcome::request).containsExactly(WebSubRequest.subscribe("UCb"));
        assertThat(store.leases.get("UCb").failed()).isFalse();

        hub.failure = new ConnectException("refused");
        List<WebSubSubscriber.Outcome> renewal = subscriber.check(List.of("UCa", "UCb"), verifiedAt.plusSeconds(800));
        assertThat(renewal).extracting(WebSubSubscriber.Outcome::error).containsExactly("ConnectException");
        assertThat(store.leases.get("UCa")).as("the old lease stays, flagged for the next check")
                .isEqualTo(new WebSubLease("UCa", verifiedAt, verifiedAt.plusSeconds(1000), "ConnectException"));

        hub.failure = null;
        hub.answers.add(202);
        hub.answers.add(202);
        assertThat(subscriber.check(List.of("UCa"), verifiedAt.plusSeconds(801)))
                .extracting(WebSubSubscriber.Outcome::request)
                .containsExactly(WebSubRequest.subscribe("UCa"), WebSubRequest.unsubscribe("UCb"));
        assertThat(store.leases).containsOnlyKeys("UCa");
        assertThat(hub.sent).hasSize(6);
    }

    @Test
    void aVerificationWithoutALeaseKeepsTheRequestedOne() {
        InMemoryLeases store = new InMemoryLeases();
        new WebSubSubscriber(new ScriptedHub(), store, FIVE_DAYS).verified("UCa", Optional.empty(), T0);

        assertThat(store.leases.get("UCa")).isEqualTo(granted("UCa", T0, FIVE_DAYS));
    }

    @Test
    void aVerificationCannotGrantALongerLeaseThanWeAskedFor() {
        // Anyone can call the verification endpoint: a ten-year lease would stop every renewal.
        InMemoryLeases store = new InMemoryLeases();
        new WebSubSubscriber(new ScriptedHub(), store, FIVE_DAYS)
                .verified("UCa", Optional.of(Duration.ofDays(3650)), T0);

        assertThat(store.leases.get("UCa")).isEqualTo(granted("UCa", T0, FIVE_DAYS));
    }

    private static final class ScriptedHub implements WebSubHub {
        final Deque<Integer> answers = new ArrayDeque<>();
        final List<WebSubRequest> sent = new ArrayList<>();
        IOException failure;

        @Override
        public int send(WebSubRequest request) throws IOException {
            sent.add(request);
            if (failure != null) {
                throw failure;
            }
            return answers.removeFirst();
        }
    }

    private static final class InMemoryLeases implements WebSubLeaseStore {
        final Map<String, WebSubLease> leases = new LinkedHashMap<>();

        @Override
        public Map<String, WebSubLease> all() {
            return new LinkedHashMap<>(leases);
        }

        @Override
        public void granted(String channelId, Instant from, Instant until) {
            leases.put(channelId, new WebSubLease(channelId, from, until, null));
        }

        @Override
        public void failed(String channelId, String error) {
            WebSubLease old = leases.get(channelId);
            leases.put(channelId, old == null ? new WebSubLease(channelId, null, null, error)
                    : new WebSubLease(channelId, old.subscribedAt(), old.leaseUntil(), error));
        }

        @Override
        public void forget(String channelId) {
            leases.remove(channelId);
        }
    }
}
