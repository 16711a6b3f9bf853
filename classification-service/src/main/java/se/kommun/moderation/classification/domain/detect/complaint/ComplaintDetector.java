package se.kommun.moderation.classification.domain.detect.complaint;

import java.util.ArrayList;
import java.util.List;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.Scores;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.classification.domain.text.Tokens;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * Klagomål and synpunkter. A GRIEVANCE (something does not work, was done badly, an explicit
 * complaint word) expects an answer; an OPINION on priorities or politics ("slöseri", "borde
 * avgå") is registered too but needs no answer unless it asks something. Praise next to a mild
 * opinion ("Håller inte med om allt men bra att ni lyfter frågan") keeps it trivial.
 */
public final class ComplaintDetector implements Detector {

    public static final String NAME = "complaint";
    private static final String SUBTYPE = "complaint";

    private final int explicit;
    private final int failure;
    private final int opinion;
    private final int positive;
    private final int fault;
    private final int accusing;
    private final int duration;
    private final int irony;
    private final int[] praiseConcepts;

    public ComplaintDetector(RuleSet rules) {
        irony = rules.concept("irony_marker");
        praiseConcepts = new int[] {rules.concept("praise"), rules.concept("thanks"), rules.concept("positive")};
        explicit = rules.concept("complaint_explicit");
        failure = rules.concept("service_failure");
        opinion = rules.concept("opinion");
        positive = rules.concept("positive");
        fault = rules.concept("fault_object");
        accusing = rules.concept("accusing_question");
        duration = rules.concept("duration");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        List<Reason> reasons = new ArrayList<>();
        double grievance = combine(evidence, explicit, reasons, 1.0);
        grievance = Scores.either(grievance, combine(evidence, failure, reasons, 1.0));
        grievance = Scores.either(grievance, combine(evidence, fault, reasons, 0.6));
        grievance = Scores.either(grievance, accusingQuestion(evidence, reasons, grievance));
        grievance = Scores.either(grievance, sarcasm(evidence, reasons));
        grievance = Scores.either(grievance, lastingFault(evidence, reasons));
        double view = combine(evidence, opinion, reasons, 1.0);
        if (grievance == 0.0 && view == 0.0) {
            return;
        }
        double praise = combine(evidence, positive, null, 1.0);
        if (grievance < 0.5) {
            view = Math.max(0.0, view - 0.25 * praise);
        }
        double score = Scores.either(grievance, view);
        if (distinctSpans(reasons) < 2 && strongest(reasons) < 0.6) {
            score = Math.min(score, 0.55); // one weak word ("sönder", "för lite") is not yet a complaint
        }
        boolean asks = asksSomething(evidence.tokens());
        boolean wantsAnswer = grievance >= 0.5 || (asks && grievance > 0.0);
        findings.add(new Finding(NAME, Route.COMPLAINT, SUBTYPE, score, reasons, wantsAnswer));
    }

    /**
     * A complaint put as a question: "Varför har ingen plogat på tre dagar?", "Hur länge ska vi
     * behöva vänta?". The accusing opening counts by itself when strong; with a duration or another
     * grievance in the comment it is surely one. "När öppnar biblioteket?" opens neutrally and stays
     * a question.
     */
    private double accusingQuestion(Evidence evidence, List<Reason> reasons, double otherGrievance) {
        Tokens tokens = evidence.tokens();
        double best = 0.0;
        for (int h = evidence.hits().first(accusing); h != Evidence.NONE; h = evidence.hits().next(h)) {
            int from = evidence.hits().fromToken(h);
            int sentence = tokens.sentence(from);
            boolean asked = tokens.isQuestion(sentence) || sentence == tokens.sentenceCount() - 1;
            if (!asked || !tokens.clauseStart(from)) {
                continue;
            }
            double score = evidence.weight(h);
            int lasted = evidence.strongest(duration);
            if (lasted != Evidence.NONE || otherGrievance > 0.0) {
                score = Scores.either(score, 0.5);
            }
            reasons.add(evidence.reason(NAME + ".question", Route.COMPLAINT, SUBTYPE, h, score));
            if (lasted != Evidence.NONE) {
                reasons.add(evidence.reason(NAME + ".duration", Route.COMPLAINT, SUBTYPE, lasted, 0.5));
            }
            best = Math.max(best, score);
        }
        return best;
    }

    /**
     * "Snyggt jobbat kommunen 🙄", "Tack för ingenting 😒": praise followed by an eye-roll in the
     * same or the next sentence is sarcasm, a complaint about the service.
     */
    private double sarcasm(Evidence evidence, List<Reason> reasons) {
        for (int m = evidence.hits().first(irony); m != Evidence.NONE; m = evidence.hits().next(m)) {
            int marked = evidence.sentenceOf(m);
            int from = evidence.hits().fromToken(m);
            for (int concept : praiseConcepts) {
                for (int p = evidence.hits().first(concept); p != Evidence.NONE; p = evidence.hits().next(p)) {
                    int said = evidence.sentenceOf(p);
                    if (evidence.hits().toToken(p) < from && (said == marked || said == marked - 1)) {
                        double score = 0.75 * evidence.weight(m);
                        reasons.add(evidence.reason(NAME + ".sarcasm", Route.COMPLAINT, SUBTYPE, p, score));
                        reasons.add(evidence.reason(NAME + ".irony", Route.COMPLAINT, SUBTYPE, m, evidence.weight(m)));
                        return score;
                    }
                }
            }
        }
        return 0.0;
    }

    /**
     * "Gatlampan på Storgatan är trasig sedan i måndags": a fault at a place that has lasted is a
     * grievance about the service, not only a report.
     */
    private double lastingFault(Evidence evidence, List<Reason> reasons) {
        int broken = evidence.strongest(fault);
        int lasted = evidence.strongest(duration);
        if (broken == Evidence.NONE || lasted == Evidence.NONE || evidence.weight(broken) < 0.7) {
            return 0.0;
        }
        double score = 0.65;
        reasons.add(evidence.reason(NAME + ".fault", Route.COMPLAINT, SUBTYPE, broken, score));
        reasons.add(evidence.reason(NAME + ".duration", Route.COMPLAINT, SUBTYPE, lasted, 0.5));
        return score;
    }

    /** Noisy-or over the distinct hits of a concept; adds a reason per hit when asked to. */
    private static double combine(Evidence evidence, int concept, List<Reason> reasons, double factor) {
        double score = 0.0;
        for (int h = evidence.hits().first(concept); h != Evidence.NONE; h = evidence.hits().next(h)) {
            double w = factor * evidence.weight(h);
            score = Scores.either(score, w);
            if (reasons != null) {
                reasons.add(evidence.reason(NAME, Route.COMPLAINT, SUBTYPE, h, w));
            }
        }
        return score;
    }

    private static long distinctSpans(List<Reason> reasons) {
        return reasons.stream().map(r -> r.start() + ":" + r.end()).distinct().count();
    }

    private static double strongest(List<Reason> reasons) {
        return reasons.stream().mapToDouble(Reason::weight).max().orElse(0.0);
    }

    private static boolean asksSomething(Tokens tokens) {
        for (int s = 0; s < tokens.sentenceCount(); s++) {
            if (tokens.isQuestion(s)) {
                return true;
            }
        }
        return false;
    }
}
