package se.kommun.moderation.archive.records.domain;

import java.time.Instant;
import java.util.Locale;
import se.kommun.moderation.events.Platform;
import se.kommun.moderation.events.Route;

/**
 * A records search, validated. Every criterion is optional; {@code route} is a route name or
 * {@code UNCLASSIFIED}; {@code text} is a web-search style query (words, "phrases", -not, or).
 */
public record RecordQuery(String account, String platform, Instant from, Instant to, String route, String text,
        int page, int size) {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    public static final int MAX_SIZE = 200;
    public static final int MAX_TEXT = 200;

    public RecordQuery {
        account = blankToNull(account);
        text = blankToNull(text);
        if (platform != null && !platform.isBlank()) {
            try {
                platform = Platform.fromId(platform.trim().toLowerCase(Locale.ROOT)).id();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("platform must be one of the platform ids : facebook, instagram, x, linkedin, youtube, web, blog");
            }
        } else {
            platform = null;
        }
        if (route != null && !route.isBlank()) {
            route = route.trim().toUpperCase(Locale.ROOT);
            if (!route.equals(UNCLASSIFIED)) {
                try {
                    Route.valueOf(route);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("route must be CRIMINAL, CONFIDENTIAL, COMPLAINT, TRIVIAL or UNCLASSIFIED");
                }
            }
        } else {
            route = null;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("q must be at most " + MAX_TEXT + " characters");
        }
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("q must not contain U+0000");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
