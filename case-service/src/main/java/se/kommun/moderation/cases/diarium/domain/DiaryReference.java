package se.kommun.moderation.cases.diarium.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kommun.moderation.events.CommentClassified;
import se.kommun.moderation.events.Reason;

/**
 * The diary number a comment refers to ("se mitt ärende KS 2025/118"), taken from the span the
 * classifier's ongoing-case detector marked. A comment about an ongoing case is filed under that
 * number instead of opening a new case.
 */
public final class DiaryReference {

    /** The keywords that may precede the number inside the span. */
    private static final Pattern LEADING_KEYWORD = Pattern.compile(
            "^(?iu)(dnr\\.?|diarienr\\.?|diarienummer|ärendenummer|ärendenr\\.?|ärende|nr\\.?)[\\s:]*");
    /** What remains must look like a diary number: letters and digits with separators, and a digit. */
    private static final Pattern NUMBER = Pattern.compile("^[\\p{L}\\d][\\p{L}\\d /:.\\-]*\\d$");

    private DiaryReference() {
    }

    public static Optional<String> of(CommentClassified classified) {
        String text = classified.comment().text();
        if (text == null) {
            return Optional.empty();
        }
        for (Reason reason : classified.reasons()) {
            if (reason.detector() != null && reason.detector().endsWith(".diary-number")
                    && reason.start() >= 0 && reason.end() <= text.length() && reason.start() < reason.end()) {
                Optional<String> number = clean(text.substring(reason.start(), reason.end()));
                if (number.isPresent()) {
                    return number;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> clean(String span) {
        String s = span.strip().replaceAll("\\s+", " ");
        Matcher keyword = LEADING_KEYWORD.matcher(s);
        if (keyword.find()) {
            s = s.substring(keyword.end());
        }
        s = s.replaceAll("[.,;:)]+$", "").strip();
        return NUMBER.matcher(s).matches() ? Optional.of(s.toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }
}
