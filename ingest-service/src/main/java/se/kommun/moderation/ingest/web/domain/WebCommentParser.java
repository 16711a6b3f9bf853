package se.kommun.moderation.ingest.web.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import se.kommun.moderation.events.EventCodec;

/** Reads and validates a web comment body. Reasons name the field, never its content. */
public final class WebCommentParser {

    static final int MAX_ID_LENGTH = 200;

    private final ObjectMapper mapper = EventCodec.instance().mapper();

    public WebComment parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidWebCommentException("body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InvalidWebCommentException("body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidWebCommentException("body must be a JSON object");
        }
        String id = requiredText(root, "id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidWebCommentException("'id' must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidWebCommentException("'id' must not contain control characters");
        }
        String text = requiredText(root, "text");
        String author = optionalText(root, "author");
        String url = optionalText(root, "url");
        if (url != null) {
            requireHttpUrl(url);
        }
        String createdAt = optionalText(root, "createdAt");
        return new WebComment(id, author, text, url, createdAt == null ? null : parseInstant(createdAt));
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidWebCommentException("'" + field + "' is required");
        }
        if (!node.isTextual()) {
            throw new InvalidWebCommentException("'" + field + "' must be a string");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidWebCommentException("'" + field + "' must be a string");
        }
        return node.asText();
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new InvalidWebCommentException("'url' must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidWebCommentException("'url' is not a valid URL");
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidWebCommentException("'createdAt' must be an ISO-8601 timestamp with an offset");
        }
    }
}
