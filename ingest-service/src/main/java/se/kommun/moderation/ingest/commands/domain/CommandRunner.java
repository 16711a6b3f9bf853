package se.kommun.moderation.ingest.commands.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.CommandOutcome;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.PlatformCommandIssued;

/**
 * One turn of a command: the checks that refuse it without a call (a removal without evidence, a
 * command the platform cannot do, an account without access), the account's rate limit, one attempt,
 * and what follows from the answer. Never sleeps: a wait is a {@link Step} with a time.
 */
public final class CommandRunner {

    private final Map<Platform, PlatformAdapter> adapters = new EnumMap<>(Platform.class);
    private final AccessResolver access;
    private final PlatformTransport transport;
    private final RateLimiter limits;
    private final RetryPolicy policy;
    private final DoubleSupplier random;

    public CommandRunner(List<PlatformAdapter> adapters, AccessResolver access, PlatformTransport transport,
            RateLimiter limits, RetryPolicy policy, DoubleSupplier random) {
        adapters.forEach(adapter -> this.adapters.put(adapter.platform(), adapter));
        this.access = access;
        this.transport = transport;
        this.limits = limits;
        this.policy = policy;
        this.random = random;
    }

    /** Defence in depth: the case-service issues removals only after evidence; we check again. */
    public static Optional<String> refusal(PlatformCommandIssued command) {
        if (command.action().removesContent() && command.evidenceBundleId() == null) {
            return Optional.of("refused: a " + command.action() + " needs an evidenceBundleId; no content is taken "
                    + "out of public view before its evidence is saved");
        }
        return Optional.empty();
    }

    /**
     * @param clock      the time now; read again when the answer is in, since a wait the platform asks
     *                   for (Retry-After) counts from its answer
     * @param beforeCall told the attempt's number just before the call is made, so that it can be
     *                   recorded first (a crash mid-call must not lead to a second reply)
     */
    public Step run(StoredCommand stored, Supplier<Instant> clock, IntConsumer beforeCall) {
        Instant now = clock.get();
        PlatformCommandIssued command = stored.command();
        PlatformAdapter adapter = adapters.get(command.platform());
        Optional<String> refused = refusal(command)
                .or(() -> adapter == null ? Optional.of("no adapter for platform " + command.platform().id())
                        : adapter.unsupported(command));
        if (refused.isPresent()) {
            return complete(command, CommandOutcome.REFUSED, stored.attempts(), null, refused.get(), null, now);
        }
        if (stored.inFlight() && command.action() == CommandAction.REPLY && !policy.retryAmbiguousReplies()) {
            return complete(command, CommandOutcome.FAILED, stored.attempts(), stored.lastStatus(),
                    "the service stopped during attempt " + stored.attempts() + " and never saw the answer; the "
                            + "reply may have been posted: check the platform before issuing it again", null, now);
        }
        AccountAccess credentials = access.resolve(command.platform(), command.accountId());
        Optional<String> missing = adapter.missingAccess(command, credentials);
        if (missing.isPresent()) {
            return complete(command, CommandOutcome.REFUSED, stored.attempts(), null, missing.get(), null, now);
        }
        java.time.Duration wait = limits.tryAcquire(command.platform(), command.accountId(), now);
        if (!wait.isZero()) {
            return new Step.Wait(now.plus(wait));
        }
        PlatformRequest request = adapter.request(command, credentials);
        int attempt = stored.attempts() + 1;
        beforeCall.accept(attempt);
        Interpretation answer;
        try {
            PlatformResponse response = transport.send(request);
            now = clock.get();
            answer = adapter.interpret(command, response, stored.attempts(), now);
        } catch (TransportException failed) {
            now = clock.get();
            answer = failed.maybeDelivered() && command.action() == CommandAction.REPLY && !policy.retryAmbiguousReplies()
                    ? Interpretation.permanent(null, failed.getMessage() + "; the reply may have been posted: check "
                            + "the platform before issuing it again")
                    : Interpretation.retryable(null, failed.getMessage(), Optional.empty());
        }
        return switch (answer.kind()) {
            case SUCCEEDED -> complete(command, CommandOutcome.SUCCEEDED, attempt, answer.status(), answer.message(),
                    answer.objectId(), now);
            case PERMANENT -> complete(command, CommandOutcome.FAILED, attempt, answer.status(), answer.message(), null,
                    now);
            case RETRYABLE -> retry(command, attempt, answer, now);
        };
    }

    private Step retry(PlatformCommandIssued command, int attempt, Interpretation answer, Instant now) {
        RetryPolicy.Decision decision = policy.next(attempt, answer.retryAfter(), random.getAsDouble());
        if (answer.retryAfter().isPresent() && decision.delay().isPresent()) {
            // The whole account waits, not only this command.
            limits.pauseUntil(command.platform(), command.accountId(), now, now.plus(decision.delay().get()));
        }
        if (decision.delay().isEmpty()) {
            return complete(command, CommandOutcome.FAILED, attempt, answer.status(),
                    PlatformAnswers.trim(answer.message() + " (" + decision.giveUpReason() + ")"), null, now);
        }
        return new Step.Retry(now.plus(decision.delay().get()), attempt, answer.status(), answer.message());
    }

    private static Step complete(PlatformCommandIssued command, CommandOutcome outcome, int attempts, Integer status,
            String message, String objectId, Instant now) {
        return new Step.Complete(new PlatformCommandCompleted(command.commandId(), command.idempotencyKey(),
                command.action(), outcome, attempts, status, PlatformAnswers.trim(message), objectId, now));
    }
}
