package se.kommun.moderation.classification.domain.detect.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * A comment that belongs to an ongoing case (the flowchart's "Tillhör meddelandet ett ärende?"):
 * a diary number ("KS 2025/118", "dnr 2025/0213"), a case of one's own ("mitt ärende", "min
 * ansökan om …"), or something sent in earlier and still waiting ("skickade in … för sju veckor
 * sedan och har inte fått besked"). It is registered in that case and answered.
 */
public final class OngoingCaseDetector implements Detector {

    public static final String NAME = "ongoing-case";
    private static final String SUBTYPE = "ongoing_case";

    /** A diary number with its keyword ("ärendenummer MN 2024-5532") starts at most this far before its separator. */
    private static final int WINDOW_BEFORE = 40;
    private static final int WINDOW_AFTER = 16;

    private final int caseReference;
    private final int pastSubmission;
    private final int waiting;

    public OngoingCaseDetector(RuleSet rules) {
        caseReference = rules.concept("case_reference");
        pastSubmission = rules.concept("past_submission");
        waiting = rules.concept("waiting");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        Pattern diary = evidence.pattern("diary_number");
        String text = evidence.original();
        int searchedTo = 0;
        Matcher m = null; // one matcher per comment, moved from region to region
        for (int at = separatedDigits(text, 0); diary != null && at >= 0; at = separatedDigits(text, at + 1)) {
            // run the pattern only around "digit separator digit", where a diary number can be
            if (m == null) {
                m = diary.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(Math.max(searchedTo, at - WINDOW_BEFORE), Math.min(text.length(), at + WINDOW_AFTER));
            while (m.find()) {
                score = Scores.either(score, 0.9);
                reasons.add(evidence.reasonForSpan(NAME + ".diary-number", Route.COMPLAINT, SUBTYPE, m.start(), m.end(),
                        0.9));
                searchedTo = m.end();
            }
            searchedTo = Math.max(searchedTo, Math.min(text.length(), at + WINDOW_AFTER));
            at = Math.max(at, searchedTo - 1);
        }
        int reference = evidence.strongest(caseReference);
        if (reference != Evidence.NONE) {
            double s = 0.75 * evidence.weight(reference);
            score = Scores.either(score, s);
            reasons.add(evidence.reason(NAME + ".reference", Route.COMPLAINT, SUBTYPE, reference, s));
        }
        int sent = evidence.strongest(pastSubmission);
        int wait = evidence.strongest(waiting);
        if (wait != Evidence.NONE) {
            double s = sent != Evidence.NONE || reference != Evidence.NONE
                    ? 0.55 + 0.35 * Math.max(evidence.weight(sent), evidence.weight(wait))
                    : 0.4 * evidence.weight(wait);
            score = Scores.either(score, s);
            reasons.add(evidence.reason(NAME + ".waiting", Route.COMPLAINT, SUBTYPE, wait, s));
            if (sent != Evidence.NONE) {
                reasons.add(evidence.reason(NAME + ".submitted", Route.COMPLAINT, SUBTYPE, sent,
                        evidence.weight(sent)));
            }
        }
        if (score > 0.0) {
            findings.add(new Finding(NAME, Route.COMPLAINT, SUBTYPE, score, reasons, true));
        }
    }

    /** Every diary number has digits on both sides of a '/', '-', ':' or '.': where is the next one? */
    private static int separatedDigits(String text, int from) {
        for (int i = Math.max(1, from); i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '/' || c == '-' || c == ':' || c == '.') && isDigit(text.charAt(i - 1))
                    && isDigit(text.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
