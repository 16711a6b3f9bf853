package se.kommun.moderation.classification.domain.detect.criminal;

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
 * Upphovsrättsintrång (URL 7 kap.): piracy words ("piratkopia", "torrent", known pirate sites) and
 * magnet links count alone; otherwise a protected WORK offered as a whole or for free with a
 * pointer to it ("hela filmen finns gratis här", "hela artikeln för er som inte har prenumeration").
 * A shared news link or "filmen visas gratis i parken" is not an infringement.
 */
public final class CopyrightDetector implements Detector {

    public static final String NAME = "copyright";
    private static final String SUBTYPE = "copyright";

    private final int piracy;
    private final int work;
    private final int wholeWork;
    private final int pointer;
    private final int freeStrong;
    private final int linkWord;

    public CopyrightDetector(RuleSet rules) {
        linkWord = rules.concept("torrent_word");
        piracy = rules.concept("piracy");
        work = rules.concept("work");
        wholeWork = rules.concept("whole_work");
        pointer = rules.concept("access_pointer");
        freeStrong = rules.concept("free_access_strong");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        double score = 0.0;
        List<Reason> reasons = new ArrayList<>();
        int pirate = evidence.strongest(piracy);
        if (pirate != Evidence.NONE) {
            score = 0.9 * evidence.weight(pirate);
            reasons.add(evidence.reason(NAME + ".piracy", Route.CRIMINAL, SUBTYPE, pirate, score));
        }
        if (evidence.any(linkWord)) {
            score = Scores.either(score, pattern(evidence, "magnet_link", 0.95, reasons));
        }
        int whole = evidence.strongest(wholeWork);
        int piece = whole != Evidence.NONE ? whole : evidence.strongest(work);
        int free = evidence.strongest(freeStrong);
        int here = evidence.strongest(pointer);
        if (piece != Evidence.NONE && free != Evidence.NONE && (whole != Evidence.NONE || here != Evidence.NONE)) {
            double s = whole != Evidence.NONE && here != Evidence.NONE ? 0.88 : 0.78;
            score = Scores.either(score, s * evidence.weight(free));
            reasons.add(evidence.reason(NAME + ".work", Route.CRIMINAL, SUBTYPE, piece, s));
            reasons.add(evidence.reason(NAME + ".free", Route.CRIMINAL, SUBTYPE, free, evidence.weight(free)));
        } else if (whole != Evidence.NONE && here != Evidence.NONE) {
            score = Scores.either(score, 0.72);
            reasons.add(evidence.reason(NAME + ".work", Route.CRIMINAL, SUBTYPE, whole, 0.72));
            reasons.add(evidence.reason(NAME + ".pointer", Route.CRIMINAL, SUBTYPE, here, evidence.weight(here)));
        }
        if (score > 0.0) {
            findings.add(new Finding(NAME, Route.CRIMINAL, SUBTYPE, score, reasons, false));
        }
    }

    private static double pattern(Evidence evidence, String name, double weight, List<Reason> reasons) {
        Pattern pattern = evidence.pattern(name);
        if (pattern == null) {
            return 0.0;
        }
        Matcher m = pattern.matcher(evidence.original());
        if (!m.find()) {
            return 0.0;
        }
        reasons.add(evidence.reasonForSpan(NAME + "." + name.replace('_', '-'), Route.CRIMINAL, SUBTYPE, m.start(),
                m.end(), weight));
        return weight;
    }
}
