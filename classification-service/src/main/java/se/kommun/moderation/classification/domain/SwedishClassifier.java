package se.kommun.moderation.classification.domain;

import java.util.ArrayList;
import java.util.List;
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
import se.kommun.moderation.classification.domain.rules.RuleSet;

/**
 * The explainable Swedish classifier for one rule set: normalizes and tokenizes a comment once,
 * matches every lexicon in one scan, runs each detector over that evidence and lets the flowchart
 * decide. Immutable and thread-safe; build a new one when the rule set is reloaded.
 */
public final class SwedishClassifier {

    private final RuleSet rules;
    private final List<Detector> detectors;
    private final FlowchartDecision decision;

    public SwedishClassifier(RuleSet rules) {
        this.rules = rules;
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
    }

    public RuleSet rules() {
        return rules;
    }

    public String ruleSetVersion() {
        return rules.version();
    }

    public Verdict classify(String text) {
        return decision.decide(findings(text));
    }

    /** Every detector's findings, before the decision: for evaluation and tests. */
    public List<Finding> findings(String text) {
        Evidence evidence = Evidence.analyse(text, rules);
        List<Finding> findings = new ArrayList<>(4);
        for (Detector detector : detectors) {
            detector.detect(evidence, findings);
        }
        return findings;
    }
}
