package se.kommun.moderation.ingest.commands.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads what a platform said: the error message of the known error shapes (Graph API, X, Google,
 * LinkedIn) or the trimmed body, and how long it asked us to wait.
 */
public final class PlatformAnswers {

    /** The most of a platform's answer that is kept (in the result event and the database). */
    public static final int MAX_MESSAGE_CHARS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformAnswers() {
    }

    public static Optional<JsonNode> json(PlatformResponse response) {
        if (response.body().length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            return Optional.ofNullable(node).filter(n -> n.isObject() || n.isArray());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The error message of the answer, trimmed; for an answer without a known shape its body, trimmed. */
    public static String errorMessage(PlatformResponse response) {
        Optional<JsonNode> json = json(response);
        if (json.isPresent()) {
            Optional<String> known = knownError(json.get());
            if (known.isPresent()) {
                return trim(known.get());
            }
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return body.isBlank() ? "HTTP " + response.status() + " without a body" : trim(body);
    }

    private static Optional<String> knownError(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isObject()) {
            // Graph API: {"error":{"message","type","code","error_subcode"}}; Google: {"error":{"code","message","errors":[{"reason"}]}}
            StringBuilder text = new StringBuilder(error.path("message").asText(""));
            if (error.hasNonNull("type")) {
                text.append(" (").append(error.get("type").asText());
                if (error.hasNonNull("code")) {
                    text.append(", code ").append(error.get("code").asText());
                }
                if (error.hasNonNull("error_subcode")) {
                    text.append(", subcode ").append(error.get("error_subcode").asText());
                }
                text.append(')');
            } else if (error.path("errors").path(0).hasNonNull("reason")) {
                text.append(" (").append(error.path("errors").path(0).path("reason").asText()).append(')');
            }
            return Optional.of(text.toString()).filter(s -> !s.isBlank());
        }
        if (error.isTextual()) {
            String description = root.path("error_description").asText("");
            return Optional.of(error.asText() + (description.isEmpty() ? "" : ": " + description));
        }
        // X API v2 problem: {"title","detail","type"}; or {"errors":[{"message"|"detail"}]}
        if (root.hasNonNull("detail") || root.hasNonNull("title")) {
            String title = root.path("title").asText("");
            String detail = root.path("detail").asText("");
            return Optional.of(title.isEmpty() ? detail : detail.isEmpty() ? title : title + ": " + detail);
        }
        JsonNode first = root.path("errors").path(0);
        if (first.isObject()) {
            String text = first.hasNonNull("message") ? first.get("message").asText() : first.path("detail").asText("");
            return Optional.of(text).filter(s -> !s.isBlank());
        }
        // LinkedIn: {"serviceErrorCode","message","status"}
        if (root.hasNonNull("message")) {
            String code = root.hasNonNull("serviceErrorCode") ? " (serviceErrorCode " + root.get("serviceErrorCode").asText() + ")" : "";
            return Optional.of(root.get("message").asText() + code);
        }
        return Optional.empty();
    }

    /** Control characters out, whitespace collapsed, at most {@link #MAX_MESSAGE_CHARS}. */
    public static String trim(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}+", " ").replaceAll("\\s+", " ").strip();
        return clean.length() <= MAX_MESSAGE_CHARS ? clean : clean.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }

    /**
     * How long the platform asked us to wait: {@code Retry-After} in seconds or as an HTTP date, or X's
     * {@code x-rate-limit-reset} (epoch seconds) on a 429.
     */
    public static Optional<Duration> retryAfter(PlatformResponse response, Instant now) {
        Optional<String> header = response.header("Retry-After").map(String::strip).filter(s -> !s.isEmpty());
        if (header.isPresent()) {
            String value = header.get();
            if (value.chars().allMatch(Character::isDigit)) {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
                } catch (NumberFormatException tooLarge) {
                    return Optional.of(Duration.ofDays(365));
                }
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        if (response.status() == 429) {
            Optional<String> reset = response.header("x-rate-limit-reset").map(String::strip);
            if (reset.isPresent() && !reset.get().isEmpty() && reset.get().chars().allMatch(Character::isDigit)) {
                Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get()));
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            }
        }
        return Optional.empty();
    }
}
