package se.kommun.moderation.events;

/**
 * Why a classifier decided as it did: which detector fired, on which span of the original text
 * ({@code start} inclusive, {@code end} exclusive, in UTF-16 code units), and with what weight.
 */
public record Reason(String detector, Route route, String subtype, int start, int end, double weight) {

    public Reason {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, was " + start + ".." + end);
        }
    }
}
