package se.kommun.moderation.cases.desk.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import se.kommun.moderation.events.Reason;

/**
 * The classifier's reasons as the desk keeps them with a comment: the event's own records as a
 * JSON array, so what a moderator is shown is exactly what the classifier said.
 */
public final class ClassifierReasons {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Reason>> LIST = new TypeReference<>() {
    };

    private ClassifierReasons() {
    }

    public static String write(List<Reason> reasons) {
        try {
            return JSON.writeValueAsString(reasons == null ? List.of() : reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the classifier's reasons", e);
        }
    }

    public static List<Reason> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            // Only this class writes the column: unreadable means a defect, not user input.
            throw new IllegalStateException("stored reasons are not readable", e);
        }
    }

    /**
     * The part of the text a reason points at, or null when there is no text (culled) or the span
     * lies outside it. The classifier counts UTF-16 units; a span is widened rather than cut
     * through a surrogate pair.
     */
    public static String spanOf(String text, Reason reason) {
        if (text == null || reason.start() >= text.length()) {
            return null;
        }
        int[] span = Span.within(text, reason.start(), reason.end());
        return text.substring(span[0], span[1]);
    }

    /** A span clamped to the text and moved off the middle of surrogate pairs. */
    static final class Span {

        private Span() {
        }

        static int[] within(String text, int start, int end) {
            int s = outward(text, Math.min(Math.max(start, 0), text.length()), true);
            int e = outward(text, Math.min(Math.max(end, s), text.length()), false);
            return new int[] {s, Math.max(s, e)};
        }

        private static int outward(String text, int at, boolean backwards) {
            if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))
                    && Character.isHighSurrogate(text.charAt(at - 1))) {
                return backwards ? at - 1 : at + 1;
            }
            return at;
        }
    }
}
