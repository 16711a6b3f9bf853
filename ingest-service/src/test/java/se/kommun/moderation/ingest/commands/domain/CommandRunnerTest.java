package se.kommun.moderation.ingest.commands.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kommun.moderation.ingest.commands.support.Commands.command;
import static se.kommun.moderation.ingest.commands.support.Commands.hide;
import static se.kommun.moderation.ingest.commands.support.Commands.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.kommun.moderation.events.CommandAction;
import se.kommun.moderation.events.CommandOutcome;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.PlatformCommandCompleted;
import se.kommun.moderation.events.PlatformCommandIssued;

/** The command's turns against a scripted transport: what is refused, retried, and how it ends. */
class CommandRunnerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0,
            Duration.ofMinutes(15), false);

    /** Answers from a script and records every request. */
    private static final class ScriptedTransport implements PlatformTransport {
        final Deque<Object> script = new ArrayDeque<>();
        final List<PlatformRequest> requests = new ArrayList<>();

        ScriptedTransport then(Object answer) {
            script.add(answer);
            return this;
        }

        @Override
        public PlatformResponse send(PlatformRequest request) throws TransportException {
            requests.add(request);
            Object next = script.remove();
            if (next instanceof TransportException failure) {
                throw failure;
            }
            return (PlatformResponse) next;
        }
    }

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Integer> recordedBeforeCall = new ArrayList<>();
    private RateLimiter limiter = new RateLimiter(platform -> new RateLimit(100, 100, Duration.ofSeconds(1)));

    private CommandRunner runner(AccessResolver access) {
        return new CommandRunner(List.of(new FacebookAdapter("https://graph.example/v23.0"), new XAdapter("https://x.example")),
                access, transport, limiter, POLICY, () -> 0.0);
    }

    private static java.util.function.Supplier<Instant> at(Instant instant) {
        return () -> instant;
    }

    private CommandRunner runner() {
        return runner((platform, account) -> AccountAccess.token("tok"));
    }

    /** Runs turn after turn as the executor would, each at the time the previous one asked for. */
    private List<Step> runToEnd(CommandRunner runner, PlatformCommandIssued command) {
        List<Step> steps = new ArrayList<>();
        StoredCommand stored = new StoredCommand(command, "facebook:1:" + command.target(), 0, false, null, null);
        Instant now = T0;
        while (true) {
            Step step = runner.run(stored, at(now), recordedBeforeCall::add);
            steps.add(step);
            if (step instanceof Step.Retry retry) {
                stored = new StoredCommand(command, stored.commentKey(), retry.attempts(), false, retry.lastStatus(),
                        retry.lastMessage());
                now = retry.at();
            } else if (step instanceof Step.Wait wait) {
                now = wait.at();
            } else {
                return steps;
            }
        }
    }

    private static PlatformCommandCompleted result(List<Step> steps) {
        return ((Step.Complete) steps.get(steps.size() - 1)).result();
    }

    @Test
    void failsThreeTimesThenSucceeds() {
        transport.then(PlatformResponse.of(500, "")).then(PlatformResponse.of(502, ""))
                .then(PlatformResponse.of(503, "{\"error\":{\"message\":\"busy\"}}"))
                .then(PlatformResponse.of(200, "{\"id\":\"1_2_777\"}"));
        List<Step> steps = runToEnd(runner(), reply(Platform.FACEBOOK, "1", "1_2", "Hej"));
        assertThat(steps).hasSize(4);
        assertThat(steps.subList(0, 3)).allMatch(step -> step instanceof Step.Retry);
        // exponential: 1 s, 2 s, 4 s after T0, T0+1, T0+3
        assertThat(((Step.Retry) steps.get(0)).at()).isEqualTo(T0.plusSeconds(1));
        assertThat(((Step.Retry) steps.get(1)).at()).isEqualTo(T0.plusSeconds(3));
        assertThat(((Step.Retry) steps.get(2)).at()).isEqualTo(T0.plusSeconds(7));
        PlatformCommandCompleted result = result(steps);
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.platformStatus()).isEqualTo(200);
        assertThat(result.platformObjectId()).isEqualTo("1_2_777");
        assertThat(transport.requests).hasSize(4);
        assertThat(recordedBeforeCall).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anOther4xxIsNotRetried() {
        transport.then(PlatformResponse.of(400, "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}"));
        List<Step> steps = runToEnd(runner(), hide(Platform.FACEBOOK, "1", "1_2"));
        PlatformCommandCompleted result = result(steps);
        assertThat(steps).hasSize(1);
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.platformStatus()).isEqualTo(400);
        assertThat(result.platformMessage()).isEqualTo("Invalid parameter (OAuthException, code 100)");
        assertThat(transport.requests).hasSize(1);
    }

    @Test
    void retriesRunOutIntoAFailureThatSaysSo() {
        for (int i = 0; i < 5; i++) {
            transport.then(PlatformResponse.of(503, "down"));
        }
        PlatformCommandCompleted result = result(runToEnd(runner(), hide(Platform.FACEBOOK, "1", "1_2")));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(5);
        assertThat(result.platformStatus()).isEqualTo(503);
        assertThat(result.platformMessage()).isEqualTo("down (gave up after 5 attempts)");
    }

    @Test
    void aRemovalWithoutEvidenceIsRefusedWithoutACall() {
        PlatformCommandIssued unsaved = command("k-1", CommandAction.DELETE, Platform.FACEBOOK, "1", "1_2", null, null);
        PlatformCommandCompleted result = result(runToEnd(runner(), unsaved));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.REFUSED);
        assertThat(result.attempts()).isZero();
        assertThat(result.platformStatus()).isNull();
        assertThat(result.platformMessage()).contains("evidenceBundleId");
        assertThat(transport.requests).isEmpty();
        assertThat(recordedBeforeCall).isEmpty();
    }

    @Test
    void aReplyNeedsNoEvidence() {
        transport.then(PlatformResponse.of(200, "{\"id\":\"9\"}"));
        assertThat(result(runToEnd(runner(), reply(Platform.FACEBOOK, "1", "1_2", "Tack"))).outcome())
                .isEqualTo(CommandOutcome.SUCCEEDED);
    }

    @Test
    void anAccountWithoutATokenIsRefusedWithoutACall() {
        PlatformCommandCompleted result = result(runToEnd(runner((p, a) -> AccountAccess.none()),
                hide(Platform.FACEBOOK, "1", "1_2")));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.REFUSED);
        assertThat(result.platformMessage()).contains("no access token");
        assertThat(transport.requests).isEmpty();
    }

    @Test
    void whatThePlatformCannotDoIsRefused() {
        PlatformCommandCompleted result = result(runToEnd(runner(),
                command("k-x", CommandAction.DELETE, Platform.X, "9", "185", null, Commands.EVIDENCE)));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.REFUSED);
        assertThat(transport.requests).isEmpty();
        PlatformCommandCompleted noAdapter = result(runToEnd(runner(), hide(Platform.YOUTUBE, "UC", "Ug")));
        assertThat(noAdapter.outcome()).isEqualTo(CommandOutcome.REFUSED);
    }

    @Test
    void a429WaitsAsLongAsTheRetryAfterSaysAndHoldsTheWholeAccount() {
        transport.then(new PlatformResponse(429, Map.of("Retry-After", List.of("20")), "{\"error\":{\"message\":\"(#4) Application request limit reached\"}}".getBytes()))
                .then(PlatformResponse.of(200, "{\"success\":true}"));
        CommandRunner runner = runner();
        List<Step> steps = runToEnd(runner, hide(Platform.FACEBOOK, "1", "1_2"));
        assertThat(((Step.Retry) steps.get(0)).at()).isEqualTo(T0.plusSeconds(20));
        assertThat(((Step.Retry) steps.get(0)).lastStatus()).isEqualTo(429);
        assertThat(result(steps).outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result(steps).attempts()).isEqualTo(2);
    }

    @Test
    void aPausedAccountMakesOtherCommandsWaitWithoutAnAttempt() {
        transport.then(new PlatformResponse(429, Map.of("Retry-After", List.of("20")), new byte[0]));
        CommandRunner runner = runner();
        runner.run(new StoredCommand(hide(Platform.FACEBOOK, "1", "1_2"), "k", 0, false, null, null), at(T0), n -> { });
        Step other = runner.run(new StoredCommand(hide(Platform.FACEBOOK, "1", "1_3"), "k2", 0, false, null, null),
                at(T0.plusSeconds(5)), n -> { });
        assertThat(other).isEqualTo(new Step.Wait(T0.plusSeconds(20)));
        assertThat(transport.requests).hasSize(1);
    }

    @Test
    void theRateLimitDelaysWithoutCountingAnAttempt() {
        limiter = new RateLimiter(platform -> new RateLimit(1, 1, Duration.ofSeconds(10)));
        transport.then(PlatformResponse.of(200, "{\"success\":true}")).then(PlatformResponse.of(200, "{\"success\":true}"));
        CommandRunner runner = runner();
        assertThat(runner.run(new StoredCommand(hide(Platform.FACEBOOK, "1", "1_2"), "k", 0, false, null, null), at(T0),
                n -> { })).isInstanceOf(Step.Complete.class);
        Step second = runner.run(new StoredCommand(hide(Platform.FACEBOOK, "1", "1_3"), "k2", 0, false, null, null), at(T0),
                n -> { });
        assertThat(second).isEqualTo(new Step.Wait(T0.plusSeconds(10)));
        assertThat(transport.requests).hasSize(1);
    }

    @Test
    void aReplyWhoseAnswerNeverCameIsNotPostedAgain() {
        transport.then(new TransportException("no answer within 30 s", true, null));
        PlatformCommandCompleted result = result(runToEnd(runner(), reply(Platform.FACEBOOK, "1", "1_2", "Hej")));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.platformStatus()).isNull();
        assertThat(result.platformMessage()).contains("no answer within 30 s").contains("may have been posted");
        assertThat(transport.requests).hasSize(1);
    }

    @Test
    void aHideWhoseAnswerNeverCameIsRetriedAndAGoneAnswerThenCountsAsDone() {
        transport.then(new TransportException("no answer within 30 s", true, null))
                .then(PlatformResponse.of(404, ""));
        PlatformCommandCompleted result = result(runToEnd(runner(), hide(Platform.FACEBOOK, "1", "1_2")));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void aReplyWithoutAConnectionIsRetried() {
        transport.then(new TransportException("could not connect", false, null))
                .then(PlatformResponse.of(200, "{\"id\":\"5\"}"));
        PlatformCommandCompleted result = result(runToEnd(runner(), reply(Platform.FACEBOOK, "1", "1_2", "Hej")));
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void aReplyInterruptedByACrashIsReportedNotRepeated() {
        StoredCommand crashed = new StoredCommand(reply(Platform.FACEBOOK, "1", "1_2", "Hej"), "k", 1, true, null, null);
        Step step = runner().run(crashed, at(T0), recordedBeforeCall::add);
        PlatformCommandCompleted result = ((Step.Complete) step).result();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.platformMessage()).contains("may have been posted");
        assertThat(transport.requests).isEmpty();
    }

    @Test
    void aHideInterruptedByACrashIsSimplyMadeAgain() {
        transport.then(PlatformResponse.of(200, "{\"success\":true}"));
        StoredCommand crashed = new StoredCommand(hide(Platform.FACEBOOK, "1", "1_2"), "k", 1, true, null, null);
        PlatformCommandCompleted result = ((Step.Complete) runner().run(crashed, at(T0), recordedBeforeCall::add)).result();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void theResultEnvelopeIdDependsOnlyOnTheIdempotencyKey() {
        PlatformCommandCompleted a = new PlatformCommandCompleted(java.util.UUID.randomUUID(), "key-1", CommandAction.HIDE,
                CommandOutcome.SUCCEEDED, 1, 200, "hidden", null, T0);
        PlatformCommandCompleted b = new PlatformCommandCompleted(java.util.UUID.randomUUID(), "key-1", CommandAction.HIDE,
                CommandOutcome.FAILED, 3, 500, "x", null, T0.plusSeconds(9));
        assertThat(ResultEvents.envelope("facebook:1:1_2", a).eventId())
                .isEqualTo(ResultEvents.envelope("facebook:1:1_2", b).eventId())
                .isEqualTo(se.kommun.moderation.events.EventIds.derive("PlatformCommandCompleted", "key-1"));
        assertThat(Optional.of(ResultEvents.envelope("facebook:1:1_2", a).type())).contains("PlatformCommandCompleted");
    }

    private static final class Commands {
        static final java.util.UUID EVIDENCE = se.kommun.moderation.ingest.commands.support.Commands.EVIDENCE;
    }
}
