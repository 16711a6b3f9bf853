package se.kommun.moderation.archive.evidence.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import se.kommun.moderation.archive.evidence.browser.ChromiumScreenshots;
import se.kommun.moderation.archive.evidence.config.EvidenceConfig;
import se.kommun.moderation.archive.evidence.domain.CapturedArtefact;
import se.kommun.moderation.archive.evidence.domain.CapturedBundle;
import se.kommun.moderation.archive.evidence.domain.EvidenceCapturer;
import se.kommun.moderation.archive.evidence.domain.StoredRecord;
import se.kommun.moderation.archive.evidence.persistence.EvidenceRequests;
import se.kommun.moderation.archive.evidence.persistence.StoredRecords;
import se.kommun.moderation.events.EventCodec;
import se.kommun.moderation.events.EventEnvelope;
import se.kommun.moderation.events.EventIds;
import se.kommun.moderation.events.EvidenceArtefact;
import se.kommun.moderation.events.EvidenceCaptured;

/**
 * Works the evidence queue off the Kafka consumer threads: at most {@code archive.evidence.workers}
 * captures run at once, each claiming the oldest due request. Woken right after a request is
 * committed, and by a periodic sweep (which also catches requests left by a crash once their lease
 * ran out, and events the broker did not take). Logs name requests and bundles by id only.
 */
@ApplicationScoped
public class EvidenceWorker {

    private static final Logger LOG = Logger.getLogger(EvidenceWorker.class);
    private static final String PRODUCER = "archive-service";
    private static final Duration RECORD_POLL = Duration.ofSeconds(2);

    private final EventCodec codec = EventCodec.instance();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private ExecutorService pool;
    private volatile boolean stopping;
    private volatile boolean started;

    @Inject
    EvidenceRequests requests;

    @Inject
    StoredRecords records;

    @Inject
    EvidenceCapturer capturer;

    @Inject
    ChromiumScreenshots chromium;

    @Inject
    EvidenceCapturedPublisher publisher;

    @Inject
    EvidenceConfig config;

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "evidence-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Late among the start-up observers, so that messaging is ready before the first sweep publishes. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        chromium.unavailable().ifPresent(reason -> LOG.warnf("%s: evidence bundles will list the screenshot as"
                + " missing until it is installed (deploy/local/chromium.sh)", reason));
        started = true;
        wake();
    }

    /** Stop taking work as soon as shutdown begins, before the datasource and the broker go away. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        pool.shutdownNow();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** There may be work: start drainers up to the worker limit. Never blocks. */
    public void wake() {
        dirty.set(true);
        while (!stopping) {
            int n = active.get();
            if (n >= config.workers()) {
                return;
            }
            if (active.compareAndSet(n, n + 1)) {
                try {
                    pool.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    active.decrementAndGet();
                    return;
                }
            }
        }
    }

    @Scheduled(every = "{archive.evidence.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!started || stopping) {
            return;
        }
        try {
            wake();
            publisher.publishDue();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            // shutting down: the datasource may be gone already; the next start picks up what is left
        }
    }

    private void drain() {
        try {
            while (!stopping) {
                dirty.set(false);
                Optional<EvidenceRequests.Claimed> claimed = requests.claimNext(Instant.now(), config.lease());
                if (claimed.isEmpty()) {
                    return;
                }
                process(claimed.get());
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.errorf("evidence worker stopped by %s; the sweep restarts it", e.getClass().getName());
            }
        } finally {
            active.decrementAndGet();
            if (dirty.get() && !stopping) {
                wake();
            }
        }
    }

    void process(EvidenceRequests.Claimed request) {
        Instant now = Instant.now();
        UUID eventId;
        try {
            Optional<StoredRecord> record = records.load(request.commentKey());
            if (record.isEmpty() && now.isBefore(request.requestedAt().plus(config.recordWait()))) {
                // comments.classified can overtake comments.received: wait for the record a while.
                requests.later(request.requestId(), now.plus(RECORD_POLL), "waiting for the record", true);
                return;
            }
            List<StoredRecord> context = record.map(r -> records.threadContext(r, config.threadContextLimit()))
                    .orElse(List.of());
            UUID bundleId = EventIds.derive("evidence-bundle", request.requestId().toString());
            CapturedBundle bundle = capturer.capture(bundleId, request.commentKey(), record, context,
                    request.permalink());
            for (CapturedArtefact a : bundle.artefacts()) {
                registry.timer("archive.evidence.capture", "kind", a.kind().name())
                        .record(Duration.ofNanos((long) (a.seconds() * 1e9)));
            }
            if (bundle.empty()) {
                requests.fail(request.requestId(), String.join("; ", bundle.missing()), now);
                registry.counter("archive.evidence.requests", "outcome", "nothing_captured").increment();
                LOG.warnf("evidence request %s: nothing could be captured", request.requestId());
                return;
            }
            eventId = EventIds.derive("EvidenceCaptured", bundleId.toString());
            EvidenceCaptured payload = new EvidenceCaptured(bundleId, request.sourceEventId(),
                    bundle.artefacts().stream().map(a -> new EvidenceArtefact(a.evidenceId(), a.kind(),
                            a.mediaType(), a.content().length, a.sha256())).toList(),
                    bundle.missing(), bundle.capturedAt());
            String json = codec.encode(EventEnvelope.wrap(eventId, bundle.capturedAt(), request.commentKey(),
                    PRODUCER, payload));
            requests.complete(request, bundle, eventId, json);
            registry.counter("archive.evidence.requests", "outcome",
                    bundle.missing().isEmpty() ? "complete" : "partial").increment();
            LOG.infof("evidence bundle %s stored for request %s: %s%s", bundleId, request.requestId(),
                    bundle.artefacts().stream().map(a -> a.kind().name()).toList(),
                    bundle.missing().isEmpty() ? "" : ", " + bundle.missing().size() + " missing");
        } catch (RuntimeException e) {
            if (request.attempts() >= config.maxAttempts()) {
                requests.fail(request.requestId(), "gave up after " + request.attempts() + " attempts: "
                        + e.getClass().getSimpleName(), now);
                registry.counter("archive.evidence.requests", "outcome", "failed").increment();
                LOG.errorf("evidence request %s failed for good after %d attempts (%s)", request.requestId(),
                        request.attempts(), e.getClass().getName());
            } else {
                Duration backoff = config.retryBackoff().multipliedBy(1L << Math.min(request.attempts() - 1, 10));
                requests.later(request.requestId(), now.plus(backoff), e.getClass().getSimpleName(), false);
                LOG.warnf("evidence request %s attempt %d failed (%s); again in %s", request.requestId(),
                        request.attempts(), e.getClass().getName(), backoff);
            }
            return;
        }
        publisher.publish(eventId);
    }
}
