package se.kommun.moderation.cases.crisis.domain;

import java.util.List;
import java.util.Map;

/**
 * The crisis digest as CSV (RFC 4180, comma-separated, UTF-8): one section per part, each row
 * starting with its section name. Every cell is quoted: Swedish Excel splits an unquoted line on
 * {@code ;} too, which would turn the rest of "hej;=HYPERLINK(…)" into a cell of its own, a formula.
 * Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
public final class DigestCsv {

    private DigestCsv() {
    }

    public static String of(CrisisDigest digest) {
        StringBuilder out = new StringBuilder();
        row(out, "section", "key", "value", "extra", "received_at", "platform", "route", "subtype", "permalink");
        row(out, "crisis", "name", digest.name(), String.join(" ", digest.accounts()),
                String.valueOf(digest.startsAt()), "", "", "", "");
        row(out, "total", "comments", String.valueOf(digest.total()), "", "", "", "", "", "");
        for (Map.Entry<String, Long> route : digest.perRoute().entrySet()) {
            row(out, "route", route.getKey(), String.valueOf(route.getValue()), "", "", "", "", "", "");
        }
        for (CrisisDigest.Question q : digest.frequentQuestions()) {
            row(out, "question", q.text(), String.valueOf(q.count()), "", String.valueOf(q.latestAt()), "", "", "", "");
        }
        for (CrisisDigest.Item item : digest.latest()) {
            row(out, "latest", item.accountId(), item.text(), item.needsResponse() ? "needs response" : "",
                    String.valueOf(item.receivedAt()), item.platform(), item.route(),
                    item.subtype() == null ? "" : item.subtype(), item.permalink() == null ? "" : item.permalink());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** For tests: the cells of one CSV line written by this class (quotes understood, no line breaks inside). */
    static List<String> split(String line) {
        java.util.ArrayList<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
