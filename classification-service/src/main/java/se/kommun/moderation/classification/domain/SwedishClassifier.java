package se.kommun.moderation.classification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.kommun.moderation.classification.domain.decide.CombinedDecision;
import se.kommun.moderation.classification.domain.decide.FlowchartDecision;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.detect.PersonalAnchors;
import se.kommun.moderation.classification.domain.detect.complaint.ComplaintDetector;
import se.kommun.moderation.classification.domain.detect.complaint.NewCaseDetector;
import se.kommun.moderation.classification.domain.detect.complaint.OngoingCaseDetector;
import se.kommun.moderation.classification.domain.detect.confidential.CriminalRecordDisclosureDetector;
import se.kommun.moderation.classification.domain.detect.confidential.FinancialDataDetector;
import se.kommun.moderation.classification.domain.detect.confidential.HealthDisclosureDetector;
import se.kommun.moderation.classification.domain.detect.confidential.PersonnummerDetector;
import se.kommun.moderation.classification.domain.detect.confidential.ProtectedIdentityDetector;
import se.kommun.moderation.classification.domain.detect.confidential.SchoolSituationDetector;
import se.kommun.moderation.classification.domain.detect.confidential.SocialServicesDisclosureDetector;
import se.kommun.moderation.classification.domain.detect.criminal.CopyrightDetector;
import se.kommun.moderation.classification.domain.detect.criminal.CsamReferenceDetector;
import se.kommun.moderation.classification.domain.detect.criminal.HateSpeechDetector;
import se.kommun.moderation.classification.domain.detect.criminal.IncitementDetector;
import se.kommun.moderation.classification.domain.detect.criminal.PrivacyViolationDetector;
import se.kommun.moderation.classification.domain.detect.criminal.ThreatDetector;
import se.kommun.moderation.classification.domain.detect.criminal.ViolenceGlorificationDetector;
import se.kommun.moderation.classification.domain.detect.trivial.GratitudeDetector;
import se.kommun.moderation.classification.domain.detect.trivial.MinorContentDetector;
import se.kommun.moderation.classification.domain.detect.trivial.QuestionDetector;
import se.kommun.moderation.classification.domain.detect.trivial.SpamDetector;
import se.kommun.moderation.classification.domain.model.FeatureVector;
import se.kommun.moderation.classification.domain.model.RouteModel;
import se.kommun.moderation.classification.domain.model.TextFeatures;
import se.kommun.moderation.classification.domain.rules.RuleSet;

/**
 * The explainable Swedish classifier for one rule set and one trained model: normalizes and
 * tokenizes a comment once, matches every lexicon in one scan, runs each detector over that
 * evidence, scores the same evidence with the model ({@link TextFeatures}, {@link RouteModel}) and
 * lets the flowchart decide with both ({@link CombinedDecision}). Without a model the rules decide
 * alone. Immutable and thread-safe; build a new one when the rule set is reloaded.
 */
public final class SwedishClassifier {

    private final RuleSet rules;
    private final RouteModel model;
    private final List<Detector> detectors;
    private final FlowchartDecision decision;
    private final CombinedDecision combined;

    /** The rules alone. */
    public SwedishClassifier(RuleSet rules) {
        this(rules, Optional.empty());
    }

    public SwedishClassifier(RuleSet rules, Optional<RouteModel> model) {
        this.rules = rules;
        this.model = model.orElse(null);
        PersonalAnchors anchors = new PersonalAnchors(rules);
        PersonnummerDetector personnummer = new PersonnummerDetector();
        this.detectors = List.of(
                new ThreatDetector(rules),
                new HateSpeechDetector(rules),
                new IncitementDetector(rules),
                new ViolenceGlorificationDetector(rules),
                new CsamReferenceDetector(rules),
                new CopyrightDetector(rules),
                new PrivacyViolationDetector(rules),
                personnummer,
                new FinancialDataDetector(rules),
                new HealthDisclosureDetector(rules, anchors),
                new SocialServicesDisclosureDetector(rules, anchors),
                new SchoolSituationDetector(rules, anchors),
                new ProtectedIdentityDetector(rules, anchors),
                new CriminalRecordDisclosureDetector(rules, anchors),
                new OngoingCaseDetector(rules),
                new NewCaseDetector(rules),
                new ComplaintDetector(rules),
                new SpamDetector(rules),
                new MinorContentDetector(rules, personnummer),
                new GratitudeDetector(rules),
                new QuestionDetector(rules));
        this.decision = new FlowchartDecision(rules);
        this.combined = new CombinedDecision(rules);
    }

    public RuleSet rules() {
        return rules;
    }

    public Optional<RouteModel> model() {
        return Optional.ofNullable(model);
    }

    /** The rule set's version, and the model's id when there is one: {@code rs-…+m-…}. */
    public String ruleSetVersion() {
        return model == null ? rules.version() : rules.version() + "+" + model.id();
    }

    public Verdict classify(String text) {
        if (model == null) {
            return decision.decide(findings(text));
        }
        Analysis analysis = analyse(text);
        return combined.decide(text, analysis.findings(), analysis.rules(), analysis.readBy(model), model.thresholds());
    }

    /**
     * What the rules found and decided, and what the model reads (the whole comment's features, each
     * knowing its sentences). One analysis of the text.
     */
    public record Analysis(List<Finding> findings, Verdict rules, FeatureVector features) {

        /** How a model reads the comment: as a whole and by its most alarming sentence. */
        public RouteModel.Reading readBy(RouteModel model) {
            return model.read(features);
        }
    }

    /** The trainer sees exactly what classification sees through this. */
    public Analysis analyse(String text) {
        Evidence evidence = Evidence.analyse(text, rules);
        List<Finding> findings = findings(evidence);
        return new Analysis(findings, decision.decide(findings), TextFeatures.extract(evidence, findings));
    }

    /** Every detector's findings, before the decision: for evaluation and tests. */
    public List<Finding> findings(String text) {
        return findings(Evidence.analyse(text, rules));
    }

    private List<Finding> findings(Evidence evidence) {
        List<Finding> findings = new ArrayList<>(4);
        for (Detector detector : detectors) {
            detector.detect(evidence, findings);
        }
        return findings;
    }
}
