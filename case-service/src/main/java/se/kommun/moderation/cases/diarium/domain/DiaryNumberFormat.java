package se.kommun.moderation.cases.diarium.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's diary number pattern, e.g. {@code KS {year}/{seq}} → "KS 2026/123", or
 * {@code KSN-{year}-{seq:4}} → "KSN-2026-0123". Checked when constructed, so a bad format fails the
 * service's start, not the first registration.
 */
public final class DiaryNumberFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(year|seq)(?::(\\d{1,2}))?}");

    private final String pattern;

    public DiaryNumberFormat(String pattern) {
        this.pattern = pattern;
        Matcher m = PLACEHOLDER.matcher(pattern);
        boolean year = false;
        boolean seq = false;
        while (m.find()) {
            year |= m.group(1).equals("year");
            seq |= m.group(1).equals("seq");
        }
        if (!year || !seq) {
            throw new IllegalArgumentException("a diary number format needs {year} and {seq}, got '" + pattern + "'");
        }
        if (pattern.replaceAll(PLACEHOLDER.pattern(), "").matches(".*[{}].*")) {
            throw new IllegalArgumentException("unknown placeholder in diary number format '" + pattern + "'");
        }
    }

    public String format(int year, int sequence) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("year") ? Integer.toString(year) : Integer.toString(sequence);
            if (m.group(2) != null) {
                value = "0".repeat(Math.max(0, Integer.parseInt(m.group(2)) - value.length())) + value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
