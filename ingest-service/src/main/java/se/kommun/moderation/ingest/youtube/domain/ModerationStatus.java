package se.kommun.moderation.ingest.youtube.domain;

/**
 * The {@code moderationStatus} filter of {@code commentThreads.list}. The API answers one status per
 * call, so each is polled (and watermarked) on its own; heldForReview and likelySpam need the channel
 * owner's OAuth token.
 */
public enum ModerationStatus {
    PUBLISHED("published"), HELD_FOR_REVIEW("heldForReview"), LIKELY_SPAM("likelySpam");

    private final String apiValue;

    ModerationStatus(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }

    /** Accepts the API's spelling ({@code heldForReview}) or the enum name, case-insensitively. */
    public static ModerationStatus fromApiValue(String value) {
        String wanted = value == null ? "" : value.trim();
        for (ModerationStatus status : values()) {
            if (status.apiValue.equalsIgnoreCase(wanted) || status.name().equalsIgnoreCase(wanted)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown YouTube moderationStatus '" + wanted
                + "' (expected published, heldForReview or likelySpam)");
    }
}
