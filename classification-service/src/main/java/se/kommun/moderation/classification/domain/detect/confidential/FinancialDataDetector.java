package se.kommun.moderation.classification.domain.detect.confidential;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.classification.domain.rules.RuleSet;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * A bank account or card number posted in public ("kontonummer 914 556 281-4"): someone's
 * economic circumstances (OSL 26 kap.; GDPR), removed and handled privately. The shape is the
 * {@code bank_account} pattern of the rule files.
 */
public final class FinancialDataDetector implements Detector {

    public static final String NAME = "financial-data";

    private final int accountWord;

    public FinancialDataDetector(RuleSet rules) {
        accountWord = rules.concept("account_word");
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        Pattern pattern = evidence.pattern("bank_account");
        if (pattern == null || !evidence.any(accountWord)) {
            return; // the pattern runs only where a word says an account number follows
        }
        Matcher m = pattern.matcher(evidence.original());
        List<Reason> reasons = new ArrayList<>();
        while (m.find()) {
            reasons.add(evidence.reasonForSpan(NAME, Route.CONFIDENTIAL, "other", m.start(), m.end(), 0.85));
        }
        if (!reasons.isEmpty()) {
            findings.add(new Finding(NAME, Route.CONFIDENTIAL, "other", 0.85, reasons, true));
        }
    }
}
