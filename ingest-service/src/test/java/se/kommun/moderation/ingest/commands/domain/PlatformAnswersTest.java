package se.kommun.moderation.ingest.commands.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformAnswersTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void readsTheKnownErrorShapes() {
        assertThat(PlatformAnswers.errorMessage(PlatformResponse.of(403, "{\"title\":\"Forbidden\",\"detail\":\"You are not "
                + "permitted to hide this reply.\",\"type\":\"about:blank\"}")))
                .isEqualTo("Forbidden: You are not permitted to hide this reply.");
        assertThat(PlatformAnswers.errorMessage(PlatformResponse.of(403, "{\"error\":{\"code\":403,\"message\":\"The "
                + "comment cannot be moderated.\",\"errors\":[{\"reason\":\"forbidden\"}]}}")))
                .isEqualTo("The comment cannot be moderated. (forbidden)");
        assertThat(PlatformAnswers.errorMessage(PlatformResponse.of(403, "{\"serviceErrorCode\":100,\"message\":\"Not "
                + "enough permissions\",\"status\":403}"))).isEqualTo("Not enough permissions (serviceErrorCode 100)");
        assertThat(PlatformAnswers.errorMessage(PlatformResponse.of(401, "{\"error\":\"invalid_token\","
                + "\"error_description\":\"expired\"}"))).isEqualTo("invalid_token: expired");
        assertThat(PlatformAnswers.errorMessage(PlatformResponse.of(502, ""))).isEqualTo("HTTP 502 without a body");
    }

    @Test
    void trimsLongAndControlCharacterAnswers() {
        String html = "<html>\n<body>\t" + "x".repeat(2000) + "</body></html>";
        String message = PlatformAnswers.errorMessage(PlatformResponse.of(500, html));
        assertThat(message).hasSize(PlatformAnswers.MAX_MESSAGE_CHARS).startsWith("<html> <body> xxx").endsWith("…");
    }

    @Test
    void readsRetryAfterInSecondsAsADateAndXsReset() {
        assertThat(PlatformAnswers.retryAfter(new PlatformResponse(429, Map.of("retry-after", List.of("120")), null), NOW))
                .contains(Duration.ofSeconds(120));
        assertThat(PlatformAnswers.retryAfter(new PlatformResponse(503,
                Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:30 GMT")), null), NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(PlatformAnswers.retryAfter(new PlatformResponse(429,
                Map.of("x-rate-limit-reset", List.of(Long.toString(NOW.getEpochSecond() + 90))), null), NOW))
                .contains(Duration.ofSeconds(90));
        assertThat(PlatformAnswers.retryAfter(new PlatformResponse(429, Map.of("Retry-After", List.of("soon")), null), NOW))
                .isEmpty();
        assertThat(PlatformAnswers.retryAfter(PlatformResponse.of(503, ""), NOW)).isEmpty();
    }
}
