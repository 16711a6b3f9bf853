package se.kommun.moderation.events;

import java.util.Objects;

/**
 * {@code platform:accountId:commentId}: stable across edits, the Kafka key of every comment event,
 * so all events of one comment stay in order on one partition.
 */
public record CommentKey(Platform platform, String accountId, String commentId) {

    public CommentKey {
        Objects.requireNonNull(platform, "platform is required");
        requireText(accountId, "accountId");
        requireText(commentId, "commentId");
        if (accountId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("accountId must not contain ':'");
        }
    }

    /** Parses the wire form; the comment id may itself contain ':'. */
    public static CommentKey parse(String value) {
        Objects.requireNonNull(value, "commentKey is required");
        int first = value.indexOf(':');
        int second = first < 0 ? -1 : value.indexOf(':', first + 1);
        if (first <= 0 || second <= first + 1 || second == value.length() - 1) {
            throw new IllegalArgumentException("commentKey must be platform:accountId:commentId, was '" + value + "'");
        }
        return new CommentKey(Platform.fromId(value.substring(0, first)),
                value.substring(first + 1, second), value.substring(second + 1));
    }

    @Override
    public String toString() {
        return platform.id() + ':' + accountId + ':' + commentId;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
