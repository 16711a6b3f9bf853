package se.kommun.moderation.classification.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish personnummer and samordningsnummer (domain.md §3): 10 or 12 digits, written with
 * '-', '+' (the year the person turns 100), a space or nothing between date and number; a real date
 * (day + 60 for a samordningsnummer); and the Luhn check digit over YYMMDDNNN. Organisation numbers
 * (month ≥ 20), phone numbers, plain dates and numbers failing the check are not matched.
 */
public final class PersonnummerDetector {

    /** A match: offsets into the text (end exclusive) and whether it is a samordningsnummer. */
    public record Match(int start, int end, boolean coordinationNumber) {
    }

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\d-+])(\\d{8}|\\d{6})(?:\\s?([-+])\\s?|\\s)?(\\d{4})(?![\\d])");

    public List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String date = m.group(1);
            String serial = m.group(3);
            boolean plus = "+".equals(m.group(2));
            String shortDate = date.substring(date.length() - 6);
            if (!luhnValid(shortDate + serial)) {
                continue;
            }
            Boolean coordination = dateKind(date, plus);
            if (coordination != null) {
                matches.add(new Match(m.start(), m.end(), coordination));
            }
        }
        return matches;
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

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    /** Luhn (modulus 10, weights 2,1,2,1…) over ten digits, the last being the check digit. */
    static boolean luhnValid(String tenDigits) {
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
