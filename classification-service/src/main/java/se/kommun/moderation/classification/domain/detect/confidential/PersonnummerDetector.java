package se.kommun.moderation.classification.domain.detect.confidential;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.kommun.moderation.classification.domain.detect.Detector;
import se.kommun.moderation.classification.domain.detect.Evidence;
import se.kommun.moderation.classification.domain.detect.Finding;
import se.kommun.moderation.events.Reason;
import se.kommun.moderation.events.Route;

/**
 * Finds Swedish personnummer and samordningsnummer (domain.md §3) in the ORIGINAL text: 10 or 12
 * digits, written with '-', '+' (the year the person turns 100), a space or nothing between date
 * and number, or with a space between every digit ("3 8 0 7 1 2 - 4 4 0 3"); a real date (day + 60
 * for a samordningsnummer); and the Luhn check digit over YYMMDDNNN. Organisation numbers
 * (month ≥ 20), phone numbers (019-21 10 00; a mobile 07… written without separator), plain dates
 * and numbers failing the check are not matched.
 */
public final class PersonnummerDetector implements Detector {

    public static final String NAME = "personnummer";

    /** A match: offsets into the text (end exclusive) and whether it is a samordningsnummer. */
    public record Match(int start, int end, boolean coordinationNumber) {
    }

    /** One pass over a text: the valid numbers, and the well-shaped ones with a wrong check digit. */
    public record Scan(List<Match> valid, List<Match> invalidShaped) {
        static final Scan NONE = new Scan(List.of(), List.of());
    }

    private static final Object MEMO_KEY = new Object();

    private static final Pattern ID_WORD_BEFORE = Pattern.compile(
            "(?iu)(?:personnummer|personnr|pnr|p-nr|samordningsnummer|id-nummer|födelsenummer)\\D{0,12}$");

    public List<Match> find(String text) {
        return scan(text).valid();
    }

    /** Both kinds of match in one pass; most comments never reach the patterns. */
    public Scan scan(String text) {
        if (!mayHoldOne(text)) {
            return Scan.NONE;
        }
        List<Match> valid = new ArrayList<>(1);
        List<Match> invalid = new ArrayList<>(0);
        IdentityNumberScanner.scan(text, candidate -> judge(candidate, text, valid, invalid));
        return new Scan(valid, invalid);
    }

    /** The scan of a comment under analysis, made once and shared between detectors. */
    public Scan scan(Evidence evidence) {
        return evidence.memo(MEMO_KEY, e -> scan(e.original()));
    }

    /**
     * Numbers shaped like a personnummer with an explicit '-' or '+' and a real date whose check
     * digit is wrong: an example or a typo. Not confidential, but worth a moderator's look.
     */
    public List<Match> findInvalidShaped(String text) {
        return scan(text).invalidShaped();
    }

    @Override
    public void detect(Evidence evidence, List<Finding> findings) {
        List<Match> matches = scan(evidence).valid();
        if (matches.isEmpty()) {
            return;
        }
        List<Reason> reasons = new ArrayList<>();
        for (Match match : matches) {
            reasons.add(evidence.reasonForSpan(NAME, Route.CONFIDENTIAL, "personal_id", match.start(), match.end(),
                    0.97));
        }
        findings.add(new Finding(NAME, Route.CONFIDENTIAL, "personal_id", 0.97, reasons, true));
    }

    private static void judge(IdentityNumberScanner.Candidate candidate, String text, List<Match> valid,
            List<Match> invalid) {
        String date = candidate.date();
        boolean plus = candidate.sign() == '+';
        if (!luhnValid(date.substring(date.length() - 6) + candidate.serial())) {
            if (!candidate.spaced() && candidate.sign() != ' ' && dateKind(date, plus) != null) {
                invalid.add(new Match(candidate.start(), candidate.end(), false));
            }
            return;
        }
        if (!candidate.spaced() && looksLikeMobileNumber(text, candidate)) {
            return;
        }
        Boolean coordination = dateKind(date, plus);
        if (coordination != null) {
            valid.add(new Match(candidate.start(), candidate.end(), coordination));
        }
    }

    /** "0701234567": a Swedish mobile number, unless the writer says it is a personnummer. */
    private static boolean looksLikeMobileNumber(String text, IdentityNumberScanner.Candidate candidate) {
        boolean tenDigitsTogether = candidate.end() - candidate.start() == 10;
        if (!tenDigitsTogether || !text.startsWith("07", candidate.start())) {
            return false;
        }
        return !ID_WORD_BEFORE.matcher(text.substring(Math.max(0, candidate.start() - 30), candidate.start())).find();
    }

    /**
     * A cheap test before any pattern runs: ten digits in all, and six in a row or six each
     * followed by a single space ("3 8 0 7 1 2"). Phone numbers, dates and times fail it.
     */
    static boolean mayHoldOne(String text) {
        int digits = 0;
        int run = 0;
        int spacedRun = 0;
        boolean longRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                run++;
                spacedRun = i >= 2 && text.charAt(i - 1) == ' ' && isDigit(text.charAt(i - 2)) ? spacedRun + 1 : 1;
                longRun |= run >= 6 || spacedRun >= 6;
            } else {
                run = 0;
                if (c != ' ') {
                    spacedRun = 0;
                }
            }
        }
        return longRun && digits >= 10;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** null when no century makes it a real date; otherwise whether the day was coded +60. */
    private static Boolean dateKind(String date, boolean plus) {
        int month = Integer.parseInt(date.substring(date.length() - 4, date.length() - 2));
        int day = Integer.parseInt(date.substring(date.length() - 2));
        boolean coordination = day > 60;
        int realDay = coordination ? day - 60 : day;
        if (date.length() == 8) {
            return isDate(Integer.parseInt(date.substring(0, 4)), month, realDay) ? coordination : null;
        }
        int yy = Integer.parseInt(date.substring(0, 2));
        // The century is not written: accept the date if it exists in one that a living person fits.
        int[] centuries = plus ? new int[] {1800, 1900} : new int[] {1900, 2000};
        for (int century : centuries) {
            if (isDate(century + yy, month, realDay)) {
                return coordination;
            }
        }
        return null;
    }

    /** Without exceptions: most candidates are not dates, and an exception per candidate is slow. */
    private static boolean isDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** Luhn (modulus 10, weights 2,1,2,1…) over ten digits, the last being the check digit. */
    public static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
