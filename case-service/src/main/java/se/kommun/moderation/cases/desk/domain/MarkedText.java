package se.kommun.moderation.cases.desk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import se.kommun.moderation.events.Reason;

/**
 * A comment's text cut where the classifier's reasons begin and end, so a page can mark what was
 * matched. Plain strings only: the page escapes every part itself, and no markup is built here.
 * Overlapping spans are joined; a marked part names every detector that covers it.
 */
public final class MarkedText {

    /** A stretch of the text; {@code detectors} is empty when no reason covers it. */
    public record Part(String text, String detectors) {

        public boolean marked() {
            return !detectors.isEmpty();
        }
    }

    private MarkedText() {
    }

    public static List<Part> of(String text, List<Reason> reasons) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Reason reason : reasons) {
            int[] span = ClassifierReasons.Span.within(text, reason.start(), reason.end());
            spans.add(span);
            cuts.add(span[0]);
            cuts.add(span[1]);
        }
        List<Part> parts = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            String detectors = detectorsCovering(reasons, spans, from, to);
            Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (last != null && last.detectors().equals(detectors)) {
                parts.set(parts.size() - 1, new Part(last.text() + text.substring(from, to), detectors));
            } else {
                parts.add(new Part(text.substring(from, to), detectors));
            }
            from = to;
        }
        return parts;
    }

    private static String detectorsCovering(List<Reason> reasons, List<int[]> spans, int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            int[] span = spans.get(i);
            String name = reasons.get(i).detector() == null ? "?" : reasons.get(i).detector();
            if (span[0] <= from && to <= span[1] && span[0] < span[1] && !names.contains(name)) {
                names.add(name);
            }
        }
        return String.join(", ", names);
    }
}
