package se.kommun.moderation.classification.domain.detect.trivial;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.confidential.PersonnummerDetector;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.TokenKind;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * Comments of no content: emoji only; a misplaced or test comment ("fel tråd", "testar"); a
 * shared headline and link; punctuation alone; or a number shaped like a personnummer whose check
 * digit is wrong (an example, not an identity — but a moderator may want to look).
 */
public final class MinorContentDetector implements Detector {

    public static final String NAME = "minor-content";

    private final int misplaced;
    private final int share;
    private final PersonnummerDetector personnummer;

    public MinorContentDetector(RuleSet rules, PersonnummerDetector personnummer) {
        misplaced = rules.concept("misplaced");
        share = rules.concept("share");
        this.personnummer = personnummer;
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        Tokens tokens = evidence.tokens();
        if (evidence.hasNoWords()) {
            boolean emoji = false;
            for (int t = 0; t < tokens.size(); t++) {
                emoji |= tokens.kind(t) == TokenKind.EMOJI;
            }
            String subtype = emoji ? "emoji" : "other";
            Reason reason = evidence.reasonForSpan(NAME, Route.TRIVIAL, subtype, 0, evidence.original().length(), 0.9);
            findings.add(new Finding(NAME, Route.TRIVIAL, subtype, 0.9, List.of(reason), false));
            return;
        }
        List<Reason> reasons = new ArrayList<>();
        int off = evidence.strongest(misplaced);
        if (off != Evidence.NONE) {
            reasons.add(evidence.reason(NAME + ".misplaced", Route.TRIVIAL, "other", off, evidence.weight(off)));
        }
        int shared = evidence.strongest(share);
        if (shared != Evidence.NONE && evidence.hits().fromToken(shared) <= 1) {
            reasons.add(evidence.reason(NAME + ".shared", Route.TRIVIAL, "other", shared, 0.7));
        }
        for (PersonnummerDetector.Match example : personnummer.scan(evidence).invalidShaped()) {
            reasons.add(evidence.reasonForSpan(NAME + ".invalid-personnummer", Route.TRIVIAL, "other",
                    example.start(), example.end(), 0.6));
        }
        if (!reasons.isEmpty()) {
            double score = reasons.stream().mapToDouble(Reason::weight).max().orElse(0.0);
            findings.add(new Finding(NAME, Route.TRIVIAL, "other", score, reasons, false));
        }
    }
}
