package se.kommun.moderation.ingest.commands.execution;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.PlatformCommandIssued;
import se.kommun.moderation.ingest.commands.client.JdkPlatformTransport;
import se.kommun.moderation.ingest.commands.config.CommandsConfig;
import se.kommun.moderation.ingest.commands.domain.CommandRunner;
import se.kommun.moderation.ingest.commands.domain.PlatformTransport;
import se.kommun.moderation.ingest.commands.domain.RateLimiter;
import se.kommun.moderation.ingest.commands.domain.Step;
import se.kommun.moderation.ingest.commands.domain.StoredCommand;
import se.kommun.moderation.ingest.commands.messaging.ResultRelay;
import se.kommun.moderation.ingest.commands.persistence.CommandStore;

/**
 * Carries out stored commands on a small pool of its own threads, never on the Kafka consumer's: one
 * loop claims due commands (at most {@code concurrency} at a time, at most one per comment, oldest
 * first), workers make one attempt each and record what follows. A backoff or a rate-limit wait is a
 * later {@code next_attempt_at} in the database, not a sleeping thread, so a slow or failing platform
 * holds up nothing but its own commands, and a restart resumes where it stopped.
 */
@ApplicationScoped
public class CommandExecutor {

    private static final Logger LOG = Logger.getLogger(CommandExecutor.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(5);

    @Inject
    CommandsConfig config;

    @Inject
    PlatformSettings settings;

    @Inject
    ConfiguredAccess access;

    @Inject
    CommandStore store;

    @Inject
    ResultRelay relay;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private CommandRunner runner;
    private Duration lease;
    private Semaphore slots;
    private ExecutorService workers;
    private Thread loop;

    void onStart(@Observes StartupEvent start) {
        if (!config.enabled()) {
            LOG.info("platform commands are stored but not carried out (ingest.commands.enabled=false)");
            return;
        }
        PlatformTransport transport = new JdkPlatformTransport(config.connectTimeout(), config.readTimeout());
        SecureRandom random = new SecureRandom();
        runner = new CommandRunner(settings.adapters(), access, transport, new RateLimiter(settings::rateLimit),
                settings.retryPolicy(), random::nextDouble);
        // A lease shorter than one attempt could let a second instance repeat a call still under way.
        Duration attempt = config.connectTimeout().plus(config.readTimeout()).plusSeconds(10);
        lease = config.lease().compareTo(attempt) < 0 ? attempt : config.lease();
        slots = new Semaphore(config.concurrency());
        AtomicInteger threadNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.concurrency(), task -> {
            Thread thread = new Thread(task, "platform-command-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        metrics.gauge("ingest.commands.in.flight", inFlight);
        running = true;
        loop = new Thread(this::loop, "platform-command-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        workers.shutdown();
        try {
            // An attempt under way is allowed to finish and be recorded; one that does not is taken up
            // again after its lease (a REPLY is then reported as of unknown outcome, not repeated).
            if (!workers.awaitTermination(config.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            loop.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Something changed (a command arrived, an attempt ended): look for due commands now. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            Duration wait = config.pollInterval();
            try {
                int free = slots.availablePermits();
                if (free > 0) {
                    Instant now = Instant.now();
                    List<StoredCommand> claimed = store.claimDue(free, now, lease);
                    for (StoredCommand command : claimed) {
                        slots.acquireUninterruptibly();
                        inFlight.incrementAndGet();
                        workers.execute(() -> attempt(command));
                    }
                    if (claimed.size() < free) {
                        wait = store.nextDue().map(at -> Duration.between(Instant.now(), at))
                                .map(until -> until.compareTo(config.pollInterval()) < 0 ? until : config.pollInterval())
                                .orElse(config.pollInterval());
                    }
                }
            } catch (RuntimeException failure) {
                LOG.warnf("platform command dispatcher: %s", failure.getMessage());
            }
            try {
                wake.tryAcquire(Math.max(MIN_WAIT.toMillis(), wait.toMillis()), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void attempt(StoredCommand stored) {
        PlatformCommandIssued command = stored.command();
        try {
            Step step = runner.run(stored, Instant::now,
                    attemptNumber -> store.markInFlight(command.idempotencyKey(), attemptNumber, Instant.now()));
            if (step instanceof Step.Complete complete) {
                finish(stored, complete.result());
            } else if (step instanceof Step.Retry retry) {
                LOG.infof("platform command %s (%s %s): attempt %d got %s, next attempt at %s",
                        command.idempotencyKey(), command.platform().id(), command.action(), retry.attempts(),
                        retry.lastStatus() == null ? "no answer" : "HTTP " + retry.lastStatus(), retry.at());
                metrics.counter("ingest.commands.retries", "platform", command.platform().id()).increment();
                store.reschedule(command.idempotencyKey(), retry.at(), retry.attempts(), retry.lastStatus(),
                        retry.lastMessage(), Instant.now());
            } else if (step instanceof Step.Wait pause) {
                metrics.counter("ingest.commands.rate.limited", "platform", command.platform().id()).increment();
                store.reschedule(command.idempotencyKey(), pause.at(), stored.attempts(), null, null, Instant.now());
            }
        } catch (RuntimeException failure) {
            // The database or the broker is unavailable: the lease runs out and the command is taken up again.
            LOG.warnf("platform command %s: %s", command.idempotencyKey(), failure.getMessage());
        } finally {
            inFlight.decrementAndGet();
            slots.release();
            wake.release();
        }
    }

    private void finish(StoredCommand stored, PlatformCommandCompleted result) {
        if (store.complete(stored.commentKey(), result)) {
            PlatformCommandIssued command = stored.command();
            // The key, platform, action, outcome and status only: never the reply or the comment.
            LOG.infof("platform command %s (%s %s) %s after %d attempt(s)%s", command.idempotencyKey(),
                    command.platform().id(), command.action(), result.outcome(), result.attempts(),
                    result.platformStatus() == null ? "" : ", HTTP " + result.platformStatus());
            metrics.counter("ingest.commands.completed", "platform", command.platform().id(),
                    "action", command.action().name(), "outcome", result.outcome().name()).increment();
            relay.wake();
        }
    }
}
