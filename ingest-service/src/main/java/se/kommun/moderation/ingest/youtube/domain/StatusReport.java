package se.kommun.moderation.ingest.youtube.domain;

/**
 * How polling one moderation status of one channel went.
 *
 * @param calls       API calls made (thread pages and reply pages)
 * @param emitted     comment versions published and acknowledged
 * @param quarantined comment objects set aside as unmappable
 * @param failure     why the poll stopped early, {@code null} if it completed and the watermark moved;
 *                    never contains comment content
 */
public record StatusReport(ModerationStatus status, int calls, int emitted, int quarantined, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
