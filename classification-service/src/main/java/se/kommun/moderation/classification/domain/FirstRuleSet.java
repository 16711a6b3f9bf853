package se.kommun.moderation.classification.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * The walking skeleton's first, deliberately small rule set, and nothing more:
 * a Luhn-checked personnummer makes a comment CONFIDENTIAL; a diary-number reference or an
 * explicit complaint word makes it a COMPLAINT; everything else is TRIVIAL. It does not detect
 * criminal content, health or social-services disclosures, or anything that needs normalisation.
 * The explainable Swedish classifier that follows the whole flowchart is issue 4.
 */
public final class FirstRuleSet {

    public static final String VERSION = "first-rules-1";

    private static final Pattern DIARY_NUMBER = Pattern.compile(
            "(?iu)\\b(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer)\\.?:?\\s*[a-zåäö]{0,5}[\\s/-]?\\d{2,4}[/:-]\\d{1,6}\\b"
                    + "|\\b[A-ZÅÄÖ]{2,4}(?:\\s|/)\\d{4}[/:]\\d{1,6}\\b");
    private static final Pattern COMPLAINT_WORD = Pattern.compile(
            "(?iu)\\b(klagomål\\w*|klaga\\w*|synpunkt\\w*|missnöjd\\w*|överklaga\\w*|anmäl\\w*)");
    private static final Pattern QUESTION = Pattern.compile("\\?\\s*$|\\?\\s");

    private final PersonnummerDetector personnummer = new PersonnummerDetector();

    public Verdict classify(String text) {
        List<Reason> reasons = new ArrayList<>();
        for (PersonnummerDetector.Match match : personnummer.find(text)) {
            reasons.add(new Reason("personnummer", Route.CONFIDENTIAL,
                    match.coordinationNumber() ? "coordination_number" : "personal_id",
                    match.start(), match.end(), 0.95));
        }
        addAll(reasons, DIARY_NUMBER.matcher(text), "diary-number-reference", "ongoing_case", 0.85);
        addAll(reasons, COMPLAINT_WORD.matcher(text), "complaint-word", "complaint", 0.7);

        Set<Route> flags = new LinkedHashSet<>();
        reasons.forEach(reason -> flags.add(reason.route()));
        boolean question = QUESTION.matcher(text).find();
        Reason strongest = reasons.stream()
                .min((a, b) -> a.route() != b.route() ? a.route().compareTo(b.route())
                        : Double.compare(b.weight(), a.weight()))
                .orElse(null);
        if (strongest == null) {
            return new Verdict(Route.TRIVIAL, question ? "question" : "other", List.of(), 0.5, question, List.of());
        }
        // Confidential comments are answered privately; complaints publicly. Both need an answer.
        return new Verdict(strongest.route(), strongest.subtype(), List.copyOf(flags), strongest.weight(), true,
                List.copyOf(reasons));
    }

    private static void addAll(List<Reason> reasons, Matcher matcher, String detector, String subtype, double weight) {
        while (matcher.find()) {
            reasons.add(new Reason(detector, Route.COMPLAINT, subtype, matcher.start(), matcher.end(), weight));
        }
    }
}
